/**
 * The 3-D view seen from the page when its scene runs in a worker (scene-worker.ts): the canvas'
 * drawing is handed over (transferControlToOffscreen), state changes are sent as they happen (only
 * what changed), the canvas' pointer and wheel events are forwarded to the worker's orbit controls,
 * and what the worker reports on screen is written back as the canvas' data-* attributes.
 *
 * `createSceneView` picks this where the browser can (Chromium, Electron) and the scene on the page
 * (manifold-scene.ts) elsewhere.
 */
import type { Locale } from '../../shared/i18n/locale';
import { t } from '../i18n/current';
import { ManifoldScene, type SceneState, writeDataset } from './manifold-scene';
import type { ForwardedEvent, SceneCall, SceneChange, SceneReport } from './scene-protocol';
import { quietFrom } from '../lib/interaction';
import { probeWebGL } from './webgl-probe';

/** What the panel drives, on the page or in a worker. */
export interface SceneView {
  update(next: Partial<SceneState>): void;
  resize(width: number, height: number): void;
  resetView(): void;
  /** The language on screen changed: what the scene draws and says is worded again. */
  setLocale(locale: Locale): void;
  /** The view as PNG bytes at `scale` × its CSS size, from the same camera (scene-snapshot.ts). */
  snapshot(scale: number): Promise<Uint8Array>;
  dispose(): void;
}

/** The worker as this file uses it (a real Worker, or a fake in tests). */
export interface SceneWorker {
  postMessage(call: SceneCall, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<SceneReport>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

const startSceneWorker = (): SceneWorker =>
  new Worker(new URL('./scene-worker.ts', import.meta.url), { type: 'module', name: 'manifold-3d-scene' });

export class WorkerScene implements SceneView {
  private readonly worker: SceneWorker;
  private readonly sent: SceneChange = {};
  /** Pointers pressed on the canvas: their moves are forwarded until they are released. */
  private readonly pressed = new Set<number>();
  private readonly visibility: IntersectionObserver | null;
  /** Snapshots asked of the worker and not yet answered, by id. */
  private readonly snapshots = new Map<number, { resolve(png: Uint8Array): void; reject(e: Error): void }>();
  private nextSnapshot = 1;
  /** Why the worker can draw no more (null: it can). */
  private failure: string | null = null;
  private disposed = false;

  /**
   * Throws when the worker cannot start (the canvas is then untouched). `onError` is called once if
   * the worker fails later or WebGL cannot start in it; the canvas is then spent (its drawing was
   * handed over), so a fallback needs a new one.
   */
  constructor(
    private readonly canvas: HTMLCanvasElement,
    /** WebGL renders on the CPU here (webgl-probe.ts). */
    software: boolean,
    onError: (message: string) => void,
    startWorker: () => SceneWorker = startSceneWorker,
  ) {
    this.worker = startWorker();
    const failOnce = (message: string): void => {
      if (this.failure !== null || this.disposed) return;
      this.failure = message;
      this.settleSnapshots(message);
      onError(message);
    };
    this.worker.onmessage = ({ data }: MessageEvent<SceneReport>) => {
      if (this.disposed) return;
      if (data.kind === 'attributes') writeDataset(canvas, data.attributes);
      else if (data.kind === 'cursor') canvas.style.cursor = data.cursor;
      else if (data.kind === 'snapshot' || data.kind === 'snapshotError') this.settleSnapshot(data);
      else failOnce(data.message);
    };
    this.worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      failOnce(t('manifold.workerFailed', { reason: event.message || t('manifold.workerNoLoad') }));
    };
    const offscreen = canvas.transferControlToOffscreen();
    const { width, height } = canvas.getBoundingClientRect();
    this.post({ kind: 'start', canvas: offscreen, software, width, height, pixelRatio: devicePixelRatio() }, [
      offscreen,
    ]);
    canvas.dataset.renderer = 'worker';
    canvas.style.touchAction = 'none';
    canvas.addEventListener('pointerdown', this.onPointerDown);
    canvas.addEventListener('pointermove', this.onPointer);
    canvas.addEventListener('pointerup', this.onPointerEnd);
    canvas.addEventListener('pointercancel', this.onPointerEnd);
    canvas.addEventListener('wheel', this.onWheel, { passive: false });
    canvas.addEventListener('contextmenu', this.onContextMenu);
    this.visibility =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => {
            const last = entries[entries.length - 1];
            if (last) this.post({ kind: 'visible', visible: last.isIntersecting });
          });
    this.visibility?.observe(canvas);
  }

  /** Sends what changed since the last update (data by identity: each send copies it). */
  update(next: Partial<SceneState>): void {
    const change: SceneChange = {};
    let any = false;
    for (const key of ['data', 'colorBy', 'marker', 'cylinder'] as const) {
      const value = next[key];
      if (value === undefined || value === this.sent[key]) continue;
      (change as Record<string, unknown>)[key] = value;
      (this.sent as Record<string, unknown>)[key] = value;
      any = true;
    }
    if (any) this.post({ kind: 'update', change, quietInMs: quietFrom() - performance.now() });
  }

  resize(width: number, height: number): void {
    this.post({ kind: 'resize', width, height, pixelRatio: devicePixelRatio() });
  }

  resetView(): void {
    this.post({ kind: 'resetView' });
  }

  setLocale(locale: Locale): void {
    this.post({ kind: 'locale', locale });
  }

  snapshot(scale: number): Promise<Uint8Array> {
    const refused = this.disposed ? t('manifold.closed') : this.failure;
    if (refused !== null) return Promise.reject(new Error(refused));
    const id = this.nextSnapshot++;
    return new Promise((resolve, reject) => {
      this.snapshots.set(id, { resolve, reject });
      this.post({ kind: 'snapshot', id, scale });
    });
  }

  private settleSnapshot(report: Extract<SceneReport, { kind: 'snapshot' | 'snapshotError' }>): void {
    const pending = this.snapshots.get(report.id);
    this.snapshots.delete(report.id);
    if (report.kind === 'snapshot') pending?.resolve(new Uint8Array(report.png));
    else pending?.reject(new Error(report.message));
  }

  /** Every snapshot still waiting fails with `message` (the worker failed or was closed). */
  private settleSnapshots(message: string): void {
    for (const { reject } of this.snapshots.values()) reject(new Error(message));
    this.snapshots.clear();
  }

  dispose(): void {
    if (this.disposed) return;
    this.post({ kind: 'dispose' });
    this.disposed = true;
    this.settleSnapshots(t('manifold.closed'));
    this.visibility?.disconnect();
    const c = this.canvas;
    c.removeEventListener('pointerdown', this.onPointerDown);
    c.removeEventListener('pointermove', this.onPointer);
    c.removeEventListener('pointerup', this.onPointerEnd);
    c.removeEventListener('pointercancel', this.onPointerEnd);
    c.removeEventListener('wheel', this.onWheel);
    c.removeEventListener('contextmenu', this.onContextMenu);
    this.worker.terminate();
  }

  private post(call: SceneCall, transfer: Transferable[] = []): void {
    if (!this.disposed) this.worker.postMessage(call, transfer);
  }

  private forward(event: PointerEvent | WheelEvent, type: ForwardedEvent['type']): void {
    const rect = this.canvas.getBoundingClientRect();
    const pointer = event as PointerEvent;
    const wheel = event as WheelEvent;
    this.post({
      kind: 'event',
      event: {
        type,
        pointerId: pointer.pointerId ?? 0,
        pointerType: pointer.pointerType ?? 'mouse',
        button: event.button,
        clientX: event.clientX - rect.left,
        clientY: event.clientY - rect.top,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        deltaX: wheel.deltaX ?? 0,
        deltaY: wheel.deltaY ?? 0,
        deltaMode: wheel.deltaMode ?? 0,
      },
    });
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    this.pressed.add(event.pointerId);
    // Captured here, so a drag that leaves the canvas keeps orbiting until the button is released.
    try {
      this.canvas.setPointerCapture(event.pointerId);
    } catch {
      // Not an active pointer (a synthetic event): the moves over the canvas still arrive.
    }
    this.forward(event, 'pointerdown');
  };

  private readonly onPointer = (event: PointerEvent): void => {
    if (this.pressed.has(event.pointerId)) this.forward(event, 'pointermove');
  };

  private readonly onPointerEnd = (event: PointerEvent): void => {
    if (!this.pressed.delete(event.pointerId)) return;
    this.forward(event, event.type === 'pointercancel' ? 'pointercancel' : 'pointerup');
  };

  private readonly onWheel = (event: WheelEvent): void => {
    event.preventDefault(); // zooms the view, not the page
    this.forward(event, 'wheel');
  };

  private readonly onContextMenu = (event: Event): void => {
    event.preventDefault(); // a right-drag pans
  };
}

function devicePixelRatio(): number {
  return window.devicePixelRatio || 1;
}

/** Whether this browser can draw the scene in a worker. */
export function canDrawInWorker(canvas: HTMLCanvasElement): boolean {
  return (
    typeof Worker !== 'undefined' &&
    typeof OffscreenCanvas !== 'undefined' &&
    typeof canvas.transferControlToOffscreen === 'function'
  );
}

/**
 * The scene for `canvas`: in a worker where the browser can (`onWorkerError` then reports a later
 * failure, after which the canvas is spent), else on the page. Throws when WebGL cannot start on
 * the page (where the page has none, a worker is not tried: it would have none either).
 */
export function createSceneView(
  canvas: HTMLCanvasElement,
  where: 'worker' | 'page',
  onWorkerError: (message: string) => void,
): SceneView {
  const gl = where === 'worker' ? probeWebGL() : null;
  if (gl?.available && canDrawInWorker(canvas)) {
    try {
      return new WorkerScene(canvas, gl.software, onWorkerError);
    } catch {
      // The worker could not start (a policy, no module workers): the canvas is untouched.
    }
  }
  // The probe already made (worker path refused) tells the page scene what it would probe again.
  const scene = new ManifoldScene(canvas, undefined, gl ? { software: gl.software } : {});
  canvas.dataset.renderer = 'page';
  return scene;
}
