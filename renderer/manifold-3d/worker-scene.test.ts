// @vitest-environment jsdom
// The page's side of the 3-D view drawn in a worker: what it sends (only changes; pointer events
// relative to the canvas, only during a press), what it does with the worker's reports, and when
// the scene stays on the page instead.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ManifoldData } from './manifold-data';
import type { SceneCall, SceneReport } from './scene-protocol';
import { createSceneView, type SceneWorker, WorkerScene } from './worker-scene';

class FakeWorker implements SceneWorker {
  readonly posted: { call: SceneCall; transfer: Transferable[] }[] = [];
  onmessage: SceneWorker['onmessage'] = null;
  onerror: SceneWorker['onerror'] = null;
  terminated = false;
  postMessage(call: SceneCall, transfer: Transferable[] = []): void {
    this.posted.push({ call, transfer });
  }
  terminate(): void {
    this.terminated = true;
  }
  report(message: SceneReport): void {
    this.onmessage?.({ data: message } as MessageEvent<SceneReport>);
  }
  calls(kind: SceneCall['kind']): SceneCall[] {
    return this.posted.map((p) => p.call).filter((c) => c.kind === kind);
  }
}

const offscreen = { fake: 'offscreen' } as unknown as OffscreenCanvas;

function pageCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  Object.assign(canvas, {
    transferControlToOffscreen: vi.fn(() => offscreen),
    setPointerCapture: vi.fn(),
  });
  canvas.getBoundingClientRect = () => ({ left: 50, top: 20, width: 400, height: 300 }) as DOMRect;
  document.body.append(canvas);
  return canvas;
}

/** jsdom has no PointerEvent: a MouseEvent carrying the pointer's fields. */
function pointer(type: string, x: number, y: number, pointerId = 7): Event {
  const e = new MouseEvent(type, { clientX: x, clientY: y, button: 0, bubbles: true, cancelable: true });
  Object.assign(e, { pointerId, pointerType: 'mouse' });
  return e;
}

let worker: FakeWorker;
let errors: string[];
beforeEach(() => {
  worker = new FakeWorker();
  errors = [];
});
afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function start(canvas = pageCanvas()): { scene: WorkerScene; canvas: HTMLCanvasElement } {
  const scene = new WorkerScene(
    canvas,
    true,
    (m) => errors.push(m),
    () => worker,
  );
  return { scene, canvas };
}

describe('WorkerScene', () => {
  it('hands the canvas over with its size and sends only what changed', () => {
    const { scene, canvas } = start();
    const [first] = worker.posted;
    expect(first?.call).toMatchObject({ kind: 'start', software: true, width: 400, height: 300 });
    expect(first?.transfer).toEqual([offscreen]);
    expect(canvas.dataset.renderer).toBe('worker');

    const data = { modelId: 'm' } as unknown as ManifoldData;
    scene.update({ data, colorBy: 'height' });
    scene.update({ data, colorBy: 'height' }); // nothing new: nothing sent
    scene.update({ data, colorBy: 'radius', marker: [1, 2, 3] });
    scene.update({ marker: null });
    const updates = worker.calls('update').map((c) => (c as Extract<SceneCall, { kind: 'update' }>).change);
    expect(updates).toEqual([
      { data, colorBy: 'height' },
      { colorBy: 'radius', marker: [1, 2, 3] },
      { marker: null },
    ]);

    scene.resize(320, 200);
    scene.resetView();
    expect(worker.calls('resize')[0]).toMatchObject({ width: 320, height: 200 });
    expect(worker.calls('resetView')).toHaveLength(1);
  });

  it('forwards pointer events relative to the canvas, moves only while pressed, and keeps wheels from the page', () => {
    const { canvas } = start();
    canvas.dispatchEvent(pointer('pointermove', 100, 100)); // hovering: not forwarded
    canvas.dispatchEvent(pointer('pointerdown', 150, 120));
    canvas.dispatchEvent(pointer('pointermove', 170, 125));
    canvas.dispatchEvent(pointer('pointerup', 170, 125));
    canvas.dispatchEvent(pointer('pointermove', 180, 125)); // released: not forwarded
    const wheel = new WheelEvent('wheel', { deltaY: -120, clientX: 60, clientY: 30, cancelable: true });
    canvas.dispatchEvent(wheel);
    const events = worker.calls('event').map((c) => (c as Extract<SceneCall, { kind: 'event' }>).event);
    expect(events.map((e) => [e.type, e.clientX, e.clientY])).toEqual([
      ['pointerdown', 100, 100],
      ['pointermove', 120, 105],
      ['pointerup', 120, 105],
      ['wheel', 10, 10],
    ]);
    expect(events[3]?.deltaY).toBe(-120);
    expect(wheel.defaultPrevented).toBe(true);
    expect(canvas.setPointerCapture).toHaveBeenCalledWith(7);
  });

  it('shows what the worker reports as data-* attributes and cursor, and reports a failure once', () => {
    const { canvas } = start();
    worker.report({ kind: 'attributes', attributes: { vertices: '576', markerX: '12.5' } });
    expect(canvas.dataset.vertices).toBe('576');
    expect(canvas.dataset.markerX).toBe('12.5');
    worker.report({ kind: 'attributes', attributes: { markerX: undefined } });
    expect(canvas.dataset.markerX).toBeUndefined();
    worker.report({ kind: 'cursor', cursor: 'grabbing' });
    expect(canvas.style.cursor).toBe('grabbing');
    worker.report({ kind: 'error', message: 'The WebGL context was lost.' });
    worker.report({ kind: 'error', message: 'again' });
    expect(errors).toEqual(['The WebGL context was lost.']);
  });

  it('a worker that fails to load is reported; after dispose nothing is sent or heard', () => {
    const { scene, canvas } = start();
    const failure = new Event('error', { cancelable: true }) as ErrorEvent;
    worker.onerror?.(failure);
    expect(errors).toEqual(["the 3-D view's worker failed (it could not load)"]);
    expect(failure.defaultPrevented).toBe(true);
    scene.dispose();
    expect(worker.terminated).toBe(true);
    expect(worker.posted.at(-1)?.call.kind).toBe('dispose');
    const sent = worker.posted.length;
    scene.update({ marker: [0, 0, 0] });
    canvas.dispatchEvent(pointer('pointerdown', 100, 100));
    worker.report({ kind: 'attributes', attributes: { vertices: '1' } });
    expect(worker.posted.length).toBe(sent);
    expect(canvas.dataset.vertices).toBeUndefined();
  });
});

describe('WorkerScene snapshots', () => {
  it('asks the worker for a PNG and resolves with the bytes it reports, each by its id', async () => {
    const { scene } = start();
    const two = scene.snapshot(2);
    const four = scene.snapshot(4);
    const calls = worker.calls('snapshot') as Extract<SceneCall, { kind: 'snapshot' }>[];
    expect(calls.map((c) => c.scale)).toEqual([2, 4]);
    worker.report({ kind: 'snapshotError', id: calls[1]!.id, message: 'too large' });
    worker.report({ kind: 'snapshot', id: calls[0]!.id, png: Uint8Array.from([137, 80, 78, 71]).buffer });
    await expect(two).resolves.toEqual(Uint8Array.from([137, 80, 78, 71]));
    await expect(four).rejects.toThrow('too large');
  });

  it('fails snapshots still waiting when the worker fails or the view closes, and refuses new ones', async () => {
    const { scene } = start();
    const waiting = scene.snapshot(2);
    worker.report({ kind: 'error', message: 'The WebGL context was lost.' });
    await expect(waiting).rejects.toThrow('The WebGL context was lost.');
    await expect(scene.snapshot(2)).rejects.toThrow('The WebGL context was lost.');

    const other = start().scene;
    const pending = other.snapshot(4);
    other.dispose();
    await expect(pending).rejects.toThrow('The 3-D view is closed.');
  });
});

describe('createSceneView', () => {
  it('stays on the page where WebGL cannot start: no worker, and the page scene says why', () => {
    const canvas = pageCanvas();
    // jsdom has no WebGL: the page probe finds none, so no worker is tried and the page scene throws.
    expect(() => createSceneView(canvas, 'worker', () => undefined)).toThrow();
    expect(canvas.transferControlToOffscreen).not.toHaveBeenCalled();
  });
});
