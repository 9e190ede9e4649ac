// @vitest-environment jsdom
// The scene's lifecycle without a GPU: WebGLRenderer is replaced by a recorder (jsdom has no WebGL),
// everything else is real three.js.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BufferAttribute,
  BufferGeometry,
  Material,
  Texture,
  Vector3,
  type PerspectiveCamera,
  type Scene,
} from 'three';
import { renderCylinder } from '../../shared/cylinder';
import { gridCodes } from '../../shared/latent-grid';
import { assembleManifold, renderImages, type ManifoldData } from './manifold-data';
import { ManifoldScene } from './manifold-scene';
import type { SchedulerClock } from './render-scheduler';
import type { ForwardedEvent, SceneCall, SceneReport } from './scene-protocol';
import { forwardedEvent } from './forwarded-event.test-util';

const renderers: {
  render: ReturnType<typeof vi.fn>;
  dispose: ReturnType<typeof vi.fn>;
  /** The drawing buffer's size at each render call (device px). */
  buffers: string[];
}[] = [];

vi.mock('three', async (importOriginal) => {
  const actual = await importOriginal<typeof import('three')>();
  class RecordingRenderer {
    autoClear = true;
    dispose = vi.fn();
    buffers: string[] = [];
    private ratio = 1;
    private size = [1, 1];
    render = vi.fn(() => this.buffers.push(`${this.size[0]! * this.ratio}x${this.size[1]! * this.ratio}`));
    constructor() {
      renderers.push(this);
    }
    getContext() {
      return {
        drawingBufferWidth: this.size[0]! * this.ratio,
        drawingBufferHeight: this.size[1]! * this.ratio,
      };
    }
    setClearColor() {}
    setPixelRatio(ratio: number) {
      this.ratio = ratio;
    }
    setSize(width: number, height: number) {
      this.size = [width, height];
    }
    setViewport() {}
    setScissor() {}
    setScissorTest() {}
    clear() {}
  }
  return { ...actual, WebGLRenderer: RecordingRenderer };
});

/** A 2-D context that accepts what the label and dot textures draw. */
function fake2d(): unknown {
  return {
    font: '',
    measureText: (text: string) => ({ width: text.length * 20 }),
    fillText() {},
    strokeText() {},
    fillRect() {},
    createRadialGradient: () => ({ addColorStop() {} }),
  };
}

let frames: FrameRequestCallback[] = [];

beforeEach(() => {
  frames = [];
  renderers.length = 0;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(fake2d as never);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Animation frames and timers alike land in `frames` (delays ignored), run by flushFrames(). */
const clock: SchedulerClock = {
  now: () => 0,
  setTimeout: (cb) => frames.push(cb),
  clearTimeout: () => {},
  requestAnimationFrame: (cb) => frames.push(cb),
  cancelAnimationFrame: () => {},
};

/** Runs the frames queued so far (and returns how many there were). */
function flushFrames(): number {
  const queued = frames;
  frames = [];
  queued.forEach((cb) => cb(0));
  return queued.length;
}

/** A decoded perSide² grid, squashed in height by `squash`, with `pointCount` validation points. */
function data(perSide: number, squash = 1, pointCount = 3): ManifoldData {
  const bounds = { min: [0, 0] as [number, number], max: [1, 1] as [number, number] };
  const codes = gridCodes(bounds, perSide);
  const images = new Float32Array(perSide * perSide * 1024);
  for (let i = 0; i < perSide * perSide; i++) {
    const f = { height: (codes[2 * i] as number) * squash, radius: codes[2 * i + 1] as number };
    renderCylinder(f, 32, images.subarray(i * 1024, (i + 1) * 1024));
  }
  const points = new Float32Array(2 * pointCount);
  for (let i = 0; i < points.length; i++) points[i] = ((i * 0.37) % 1) * 0.8 + 0.1;
  return assembleManifold({
    modelId: 'm',
    imageSize: 32,
    perSide,
    bounds,
    gridImages: images,
    reconImages: renderImages(points, pointCount, 32),
    sample: { codes: points, factors: points, count: pointCount },
    valCodes: points,
    valFactors: points,
    previous: null,
  });
}

/**
 * A decoder early in a run: the grid's images differ by a hundredth of a height (nearly one image),
 * while the validation images are cylinders of every shape.
 */
function flatGridData(): ManifoldData {
  const perSide = 6;
  const bounds = { min: [-0.5, -0.5] as [number, number], max: [0.5, 0.5] as [number, number] };
  const codes = gridCodes(bounds, perSide);
  const images = new Float32Array(perSide * perSide * 1024);
  for (let i = 0; i < perSide * perSide; i++) {
    const f = {
      height: 0.5 + 0.01 * (codes[2 * i] as number),
      radius: 0.5 + 0.01 * (codes[2 * i + 1] as number),
    };
    renderCylinder(f, 32, images.subarray(i * 1024, (i + 1) * 1024));
  }
  const count = 30;
  const factors = new Float32Array(2 * count);
  for (let i = 0; i < factors.length; i++) factors[i] = ((i * 0.37) % 1) * 0.9 + 0.05;
  return assembleManifold({
    modelId: 'early',
    imageSize: 32,
    perSide,
    bounds,
    gridImages: images,
    reconImages: images.slice(0, count * 1024),
    sample: { codes: new Float32Array(2 * count), factors, count },
    valCodes: new Float32Array(2 * count),
    valFactors: factors,
    previous: null,
  });
}

/** The surface's position buffer: the only indexed Mesh in the scene graph. */
function surfacePositions(scene: ManifoldScene): BufferAttribute {
  const root = (scene as unknown as { scene: Scene }).scene;
  let found: BufferAttribute | null = null;
  root.traverse((o) => {
    const g = (o as unknown as { geometry?: BufferGeometry }).geometry;
    if (!found && o.type === 'Mesh' && g?.index && g.getAttribute('position'))
      found = g.getAttribute('position') as BufferAttribute;
  });
  if (!found) throw new Error('no surface in the scene');
  return found;
}

describe('ManifoldScene', () => {
  it('draws on demand: one frame per batch of changes, none while idle', () => {
    const canvas = document.createElement('canvas');
    const scene = new ManifoldScene(canvas, clock);
    scene.resize(400, 300);
    scene.update({
      data: data(4),
      colorBy: 'height',
      marker: [0, 0, 0],
      cylinder: { height: 0.5, radius: 0.5 },
    });
    scene.update({ marker: [0.1, 0, 0] });
    expect(frames.length).toBe(1);
    flushFrames();
    expect(renderers[0]?.render).toHaveBeenCalledTimes(2); // the scene, then the cylinder inset
    expect(flushFrames()).toBe(0); // nothing scheduled once drawn: no endless loop
    expect(canvas.dataset.vertices).toBe('16');
    expect(Number(canvas.dataset.markerX)).toBeGreaterThan(0);
    expect(Number(canvas.dataset.explained)).toBeGreaterThan(0);
    scene.dispose();
  });

  it('updates the surface in place when new data arrive (same buffers, new values)', () => {
    const canvas = document.createElement('canvas');
    const scene = new ManifoldScene(canvas, clock);
    scene.resize(400, 300);
    scene.update({ data: data(4) });
    flushFrames();
    const attribute = surfacePositions(scene);
    const before = Array.from(attribute.array);
    const version = attribute.version;
    scene.update({ data: data(4, 0.5) });
    flushFrames();
    expect(surfacePositions(scene)).toBe(attribute);
    expect(attribute.version).toBeGreaterThan(version);
    expect(Array.from(attribute.array)).not.toEqual(before);
    expect(canvas.dataset.dataUpdates).toBe('2');
    const allocations = canvas.dataset.allocations;
    scene.update({ data: data(4, 0.8) });
    flushFrames();
    expect(canvas.dataset.allocations).toBe(allocations);
    scene.dispose();
  });

  it('disposes a geometry before replacing its buffers when a size changes, and only then', () => {
    // three.js frees an attribute's GL buffer only on geometry.dispose(): record what each disposal
    // frees (the vertex count still attached), so a dispose after the swap would show the new size.
    const dispose = BufferGeometry.prototype.dispose;
    const freed: number[] = [];
    vi.spyOn(BufferGeometry.prototype, 'dispose').mockImplementation(function (this: BufferGeometry) {
      freed.push(this.getAttribute('position').count);
      dispose.call(this);
    });
    const canvas = document.createElement('canvas');
    const scene = new ManifoldScene(canvas, clock);
    scene.resize(400, 300);
    scene.update({ data: data(4, 1, 3) });
    expect(freed).toEqual([]); // nothing allocated before, nothing to free
    scene.update({ data: data(4, 0.5, 3) });
    expect(freed).toEqual([]); // same sizes: buffers reused
    scene.update({ data: data(4, 1, 5) });
    // The points (3 vertices) and the lines to their reconstructions (2 per point); not the surface.
    expect(freed.sort((a, b) => a - b)).toEqual([3, 6]);
    freed.length = 0;
    scene.update({ data: data(5, 1, 5) });
    // The surface and its grid lines, which share its 4×4 vertices.
    expect(freed).toEqual([16, 16]);
    expect(surfacePositions(scene).count).toBe(25);
    scene.dispose();
  });

  it('keeps everything it draws on screen when the grid is still nearly one image (early in a run)', () => {
    const canvas = document.createElement('canvas');
    const scene = new ManifoldScene(canvas, clock);
    scene.resize(320, 300);
    const d = flatGridData();
    scene.update({ data: d });
    flushFrames();
    const camera = (scene as unknown as { camera: PerspectiveCamera }).camera;
    camera.updateMatrixWorld();
    const p = new Vector3();
    let worst = 0;
    for (const positions of [d.gridPositions, d.pointPositions, d.reconPositions]) {
      for (let i = 0; i < positions.length; i += 3) {
        p.set(positions[i]!, positions[i + 1]!, positions[i + 2]!).project(camera);
        worst = Math.max(worst, Math.abs(p.x), Math.abs(p.y));
      }
    }
    expect(worst).toBeLessThanOrEqual(1);
    scene.dispose();
  });

  it('moves the marker on screen when the latent point moves', () => {
    const canvas = document.createElement('canvas');
    const scene = new ManifoldScene(canvas, clock);
    scene.resize(400, 300);
    const d = data(4);
    scene.update({ data: d, marker: [d.gridPositions[0]!, d.gridPositions[1]!, d.gridPositions[2]!] });
    flushFrames();
    const first = [canvas.dataset.markerX, canvas.dataset.markerY];
    scene.update({ marker: [d.gridPositions[45]!, d.gridPositions[46]!, d.gridPositions[47]!] });
    flushFrames();
    expect([canvas.dataset.markerX, canvas.dataset.markerY]).not.toEqual(first);
    scene.update({ marker: null });
    flushFrames();
    expect(canvas.dataset.markerX).toBeUndefined();
    scene.dispose();
  });

  it('exports a PNG drawn at 2× the canvas’ size, then draws the screen again at its own size', async () => {
    const canvas = document.createElement('canvas');
    const toBlob = vi
      .spyOn(HTMLCanvasElement.prototype, 'toBlob')
      .mockImplementation((callback) =>
        callback({ arrayBuffer: async () => Uint8Array.from([137, 80, 78, 71]).buffer } as Blob),
      );
    const scene = new ManifoldScene(canvas, clock, { software: true, pixelRatio: 1 });
    scene.resize(400, 300);
    scene.update({ data: data(4), marker: [0, 0, 0], cylinder: { height: 0.5, radius: 0.5 } });
    flushFrames();
    const renderer = renderers[0]!;
    renderer.buffers.length = 0;
    const png = await scene.snapshot(2);
    expect(png).toEqual(Uint8Array.from([137, 80, 78, 71]));
    // Scene and inset at 800 × 600 (read between them and the screen's redraw), then at 400 × 300.
    expect(renderer.buffers).toEqual(['800x600', '800x600', '400x300', '400x300']);
    expect(toBlob).toHaveBeenCalledTimes(1);
    await expect(scene.snapshot(16)).rejects.toThrow('A 16× PNG would be 6400 × 4800 px');
    scene.dispose();
  });

  it('disposes every geometry, material, texture and the renderer, and draws nothing after', () => {
    const geometryDispose = vi.spyOn(BufferGeometry.prototype, 'dispose');
    const materialDispose = vi.spyOn(Material.prototype, 'dispose');
    const textureDispose = vi.spyOn(Texture.prototype, 'dispose');
    const canvas = document.createElement('canvas');
    const scene = new ManifoldScene(canvas, clock);
    scene.resize(400, 300);
    scene.update({ data: data(4), marker: [0, 0, 0], cylinder: { height: 0.2, radius: 0.8 } });
    scene.dispose();
    // surface, grid lines, points, error lines, marker, halo, axes, cylinder
    expect(geometryDispose.mock.calls.length).toBeGreaterThanOrEqual(8);
    // surface, lines, points, error lines, marker, halo, axes, 3 labels, cylinder
    expect(materialDispose.mock.calls.length).toBeGreaterThanOrEqual(11);
    expect(textureDispose.mock.calls.length).toBeGreaterThanOrEqual(4); // the dot and 3 axis labels
    expect(renderers[0]?.dispose).toHaveBeenCalledTimes(1);
    flushFrames();
    expect(renderers[0]?.render).not.toHaveBeenCalled();
  });
});

describe('in its worker (scene-worker.ts)', () => {
  it('draws what the page sends, orbits on forwarded events, publishes to the page, and reports a failed start', async () => {
    const reports: SceneReport[] = [];
    vi.spyOn(window, 'postMessage').mockImplementation((message: unknown) => {
      reports.push(message as SceneReport);
    });
    vi.resetModules();
    await import('./scene-worker');
    const send = (call: SceneCall): void =>
      (self.onmessage as (e: { data: SceneCall }) => void)({ data: call });
    const attributes = (): Record<string, string | undefined> =>
      Object.assign(
        {},
        ...reports
          .filter((r) => r.kind === 'attributes')
          .map((r) => (r as { attributes: object }).attributes),
      );
    // The worker's canvas: an OffscreenCanvas in the browser; jsdom's canvas stands in (WebGL is recorded).
    const canvas = document.createElement('canvas') as unknown as OffscreenCanvas;
    send({ kind: 'start', canvas, software: false, width: 400, height: 300, pixelRatio: 1 });
    const d = data(4);
    send({ kind: 'update', change: { data: d, colorBy: 'radius', marker: [0, 0, 0] }, quietInMs: -Infinity });
    flushFrames();
    expect(renderers).toHaveLength(1);
    expect(attributes()).toMatchObject({ vertices: '16', colorBy: 'radius', frames: '1' });
    const home = attributes().markerX;
    expect(Number(home)).toBeGreaterThan(0);

    const move = (type: ForwardedEvent['type'], x: number): ForwardedEvent => forwardedEvent(type, x, 150);
    send({ kind: 'event', event: move('pointerdown', 100) });
    for (let x = 120; x <= 260; x += 20) send({ kind: 'event', event: move('pointermove', x) });
    send({ kind: 'event', event: move('pointerup', 260) });
    for (let i = 0; i < 60 && flushFrames() > 0; i++); // damping settles
    expect(attributes().markerX).not.toBe(home);
    send({ kind: 'resetView' });
    flushFrames();
    expect(Number(attributes().markerX)).toBeCloseTo(Number(home), 0);

    send({ kind: 'dispose' });
    expect(renderers[0]?.dispose).toHaveBeenCalledTimes(1);

    // A fresh worker whose WebGL cannot start says so once and then ignores calls.
    reports.length = 0;
    vi.resetModules();
    await import('./scene-worker');
    const broken = {
      addEventListener() {
        throw new Error('WebGL is not available in this worker');
      },
    } as unknown as OffscreenCanvas;
    send({ kind: 'start', canvas: broken, software: false, width: 10, height: 10, pixelRatio: 1 });
    send({ kind: 'resize', width: 20, height: 20, pixelRatio: 1 });
    expect(reports).toEqual([{ kind: 'error', message: 'WebGL is not available in this worker' }]);
  });
});
