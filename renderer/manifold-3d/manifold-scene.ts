/**
 * The three.js scene of the 3-D view: the decoded grid as a coloured surface with its grid lines,
 * the validation images as points (with faint lines to their reconstructions), the current latent
 * point as a marker, PC1–3 axes, and an inset with the cylinder itself.
 *
 * React owns the lifecycle (one effect creates and disposes it); this class and its parts
 * (data-meshes, latent-marker, axes-group, cylinder-inset) own every GPU object. Geometry buffers
 * are updated in place when new data arrive (each epoch, data-meshes.ts), and a frame is drawn
 * only when something changed or orbit damping is still settling. Marker and inset
 * moves (they stream in while the z slider is dragged) are coalesced and drawn at most
 * MARKER_DRAW_HZ times a second, the last one always drawn (render-scheduler.ts); nothing is drawn
 * while the canvas is out of view. On software WebGL the buffer is 1 px per CSS px, without MSAA.
 *
 * It runs on the page (an HTMLCanvasElement) or in a worker (an OffscreenCanvas, scene-worker.ts):
 * `SceneHost` says how it meets its surroundings there (the element the orbit controls listen to,
 * where what is on screen is published, whether the page shows it).
 */
import { DirectionalLight, HemisphereLight, PerspectiveCamera, Scene, Vector3, WebGLRenderer } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { Factors } from '../../shared/api';
import type { Factor } from '../../shared/factors';
import type { Locale } from '../../shared/i18n/locale';
import { t } from '../i18n/current';
import { AxesGroup } from './axes-group';
import { CylinderInset } from './cylinder-inset';
import { DataMeshes } from './data-meshes';
import { LatentMarker } from './latent-marker';
import type { ManifoldData } from './manifold-data';
import { quietFrom } from '../lib/interaction';
import { RenderScheduler, type SchedulerClock } from './render-scheduler';
import { canvasPng, exportSize } from './scene-snapshot';
import { fitView, insetLayout, type InsetLayout } from './view-layout';
import { probeSoftwareWebGL } from './webgl-probe';

/** Direction the camera looks from (toward the data's centre): a little right, above and in front. */
const VIEW_DIRECTION = new Vector3(2.1, 1.35, 3.1).normalize();
const VIEW_DIRECTION_ARRAY = VIEW_DIRECTION.toArray() as [number, number, number];
const FOV_DEG = 38;
/** Share of the half-view left free around the framed data. */
const FIT_MARGIN = 0.06;
/** Axis label height (CSS px); the framing keeps a label's half width (about this) free at the edges. */
const LABEL_PX = 15;
/** Most frames a second for marker and inset moves streaming in from the sliders and the map. */
const MARKER_DRAW_HZ = 15;
/** Without a GPU, while the user drags, the marker is drawn at least this often (see update). */
const SOFTWARE_MARKER_HOLD_MS = 2000;
/** An exported PNG's background: the panel's (its canvas is transparent over a CSS gradient). */
const EXPORT_BACKGROUND = 0x10141d;

export interface SceneState {
  data: ManifoldData | null;
  colorBy: Factor;
  /** World position of the current latent point, or null to hide the marker. */
  marker: [number, number, number] | null;
  /** Factors of the cylinder in the inset. */
  cylinder: Factors | null;
}

/** What is on screen, as the canvas' data-* attributes (undefined: no such attribute). */
export type SceneAttributes = Record<string, string | undefined>;

/** How the scene meets its surroundings; the defaults are those of a canvas on the page. */
export interface SceneHost {
  /** Whether WebGL runs on the CPU (default: probed here, which needs a document). */
  software?: boolean;
  /** CSS px to device px (default: the window's). */
  pixelRatio?: number;
  /** What the orbit controls listen to (default: the canvas). */
  controlsElement?: HTMLElement;
  /** Shows what is on screen (default: the canvas' data-* attributes). */
  publish?(attributes: SceneAttributes): void;
  /**
   * When the user's hand rests (performance.now time; default: the page's, lib/interaction.ts).
   * Without a GPU, marker moves wait for it during a drag: each software frame costs 30–60 ms of
   * CPU that the slider's own preview needs on a small machine, and on the page it also holds the
   * page's thread.
   */
  quietFrom?(): number;
}

export class ManifoldScene {
  private readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera = new PerspectiveCamera(FOV_DEG, 1, 0.05, 50);
  private readonly controls: OrbitControls;
  /** The surface, grid lines, points and error lines (data-meshes.ts). */
  private readonly meshes = new DataMeshes();
  private readonly marker = new LatentMarker();
  private readonly axes = new AxesGroup();
  private readonly cylinder = new CylinderInset();
  private readonly canvas: HTMLCanvasElement | OffscreenCanvas;
  private readonly publishAttributes: (attributes: SceneAttributes) => void;
  private readonly quietFrom: () => number;
  private pixelRatio: number;
  private readonly state: SceneState = { data: null, colorBy: 'height', marker: null, cylinder: null };
  private readonly scheduler: RenderScheduler;
  /** The page's visibility watcher (on the page only; a worker is told, see setVisible). */
  private readonly visibility: IntersectionObserver | null;
  private readonly software: boolean;
  /** Scratch vector for the marker's screen position (no allocation per frame). */
  private readonly projected = new Vector3();
  private width = 1;
  private height = 1;
  private disposed = false;
  private inset: InsetLayout = insetLayout(1, 1);
  /** The model the current data came from: a new model resets the view even if the user had orbited. */
  private framedFor: string | null = null;
  /** What the home view frames (surface vertices and the axes' ends); refit on resize until the user orbits. */
  private homePoints: Float32Array = new Float32Array(0);
  private userMoved = false;
  /** Frames drawn so far (published as data-frames). */
  private frames = 0;

  /** Throws when WebGL cannot start (the panel then explains and the rest of the app goes on). */
  constructor(canvas: HTMLCanvasElement | OffscreenCanvas, clock?: SchedulerClock, host: SceneHost = {}) {
    this.canvas = canvas;
    this.software = host.software ?? probeSoftwareWebGL();
    this.quietFrom = host.quietFrom ?? quietFrom;
    this.pixelRatio = host.pixelRatio ?? (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1);
    this.publishAttributes =
      host.publish ?? ((attributes) => writeDataset(canvas as HTMLCanvasElement, attributes));
    this.renderer = new WebGLRenderer({
      canvas,
      antialias: !this.software,
      alpha: true,
      powerPreference: 'low-power',
    });
    this.scheduler = new RenderScheduler(this.render, 1000 / MARKER_DRAW_HZ, clock);
    this.visibility =
      typeof IntersectionObserver === 'undefined' || !isPageCanvas(canvas)
        ? null
        : new IntersectionObserver((entries) => {
            const last = entries[entries.length - 1];
            if (last) this.scheduler.setVisible(last.isIntersecting);
          });
    if (isPageCanvas(canvas)) this.visibility?.observe(canvas);
    this.renderer.setClearColor(0x000000, 0);
    this.renderer.autoClear = false;
    this.camera.position.copy(VIEW_DIRECTION).multiplyScalar(4);
    this.controls = new OrbitControls(this.camera, host.controlsElement ?? (canvas as HTMLCanvasElement));
    this.controls.enableDamping = true;
    this.controls.dampingFactor = 0.12;
    this.controls.minDistance = 0.4;
    this.controls.maxDistance = 9;
    this.controls.addEventListener('change', this.requestRender);
    this.controls.addEventListener('start', this.onUserMove);
    this.buildScene();
  }

  /**
   * Applies whatever changed and schedules one frame: on the next animation frame for new data or
   * colours, throttled for marker and inset moves (see MARKER_DRAW_HZ).
   */
  update(next: Partial<SceneState>): void {
    const state = this.state;
    const newData = next.data !== undefined && next.data !== state.data;
    const newColors = next.colorBy !== undefined && next.colorBy !== state.colorBy;
    if (next.data !== undefined) state.data = next.data;
    if (next.colorBy !== undefined) state.colorBy = next.colorBy;
    if (next.marker !== undefined) state.marker = next.marker;
    if (next.cylinder !== undefined) state.cylinder = next.cylinder;
    if (newData) this.applyData();
    else if (newColors) this.applyColors();
    if (next.marker !== undefined) this.applyMarker();
    if (next.cylinder) this.cylinder.setFactors(next.cylinder);
    if (newData || newColors) this.scheduler.soon();
    // Without a GPU each frame holds the page ~30–60 ms (the software renderer's pixels are read
    // back at every commit): during a drag the marker waits for the hand to rest (issue 11).
    else
      this.scheduler.throttled(
        this.software ? { until: this.quietFrom, maxMs: SOFTWARE_MARKER_HOLD_MS } : undefined,
      );
    // Out of view nothing is drawn, but what would be stays readable (tests, assistive tech).
    if (!this.scheduler.visible) this.publish();
  }

  /** Matches the drawing buffer to the canvas' CSS size (and, if given, the screen's pixel ratio). */
  resize(width: number, height: number, pixelRatio = this.pixelRatio): void {
    this.width = Math.max(1, Math.round(width));
    this.height = Math.max(1, Math.round(height));
    this.pixelRatio = pixelRatio;
    this.renderer.setPixelRatio(this.screenRatio());
    this.renderer.setSize(this.width, this.height, false);
    this.inset = insetLayout(this.width, this.height);
    // Move the view's centre left by half the inset, so the data sit beside it rather than under it.
    const shift = this.inset.shift;
    this.camera.aspect = (this.width + shift) / this.height;
    this.camera.setViewOffset(this.width + shift, this.height, shift, 0, this.width, this.height);
    this.axes.setLabelPixelHeight(LABEL_PX, this.height, FOV_DEG);
    if (!this.userMoved) this.goHome();
    this.requestRender();
  }

  /**
   * The view as PNG bytes at `scale` × its CSS size, from the same camera, on the panel's
   * background. Drawn at that size, read, then drawn again at the screen's size in the same task,
   * so no blank frame reaches the screen. Throws above EXPORT_MAX_PX a side or where the GPU
   * cannot make a buffer that large.
   */
  async snapshot(scale: number): Promise<Uint8Array> {
    if (this.disposed) throw new Error(t('manifold.closed'));
    const size = exportSize(this.width, this.height, scale, t);
    if (size.refused) throw new Error(size.refused);
    const r = this.renderer;
    let png: Promise<Uint8Array>;
    try {
      // The pixel ratio scales viewports, scissors and point sizes with the buffer: one drawing code.
      r.setPixelRatio(scale);
      r.setSize(this.width, this.height, false);
      const gl = r.getContext();
      if (gl.drawingBufferWidth !== size.width || gl.drawingBufferHeight !== size.height)
        throw new Error(
          t('manifold.export.gpuLimit', {
            maxWidth: gl.drawingBufferWidth,
            maxHeight: gl.drawingBufferHeight,
            width: size.width,
            height: size.height,
          }),
        );
      r.setClearColor(EXPORT_BACKGROUND, 1);
      this.draw();
      png = canvasPng(this.canvas, t);
    } finally {
      r.setClearColor(0x000000, 0);
      r.setPixelRatio(this.screenRatio());
      r.setSize(this.width, this.height, false);
      this.draw();
    }
    return png;
  }

  /**
   * The language on screen changed: the axis labels are worded again (by renderer/i18n/current.ts,
   * which the page's provider, or in a worker scene-worker.ts, has switched to `_locale` already).
   */
  setLocale(_locale: Locale): void {
    this.axes.relabel();
    this.axes.setLabelPixelHeight(LABEL_PX, this.height, FOV_DEG);
    if (!this.userMoved) this.goHome();
    this.requestRender();
  }

  /** Whether the canvas is in view (in a worker the page tells; on the page the scene watches). */
  setVisible(visible: boolean): void {
    this.scheduler.setVisible(visible);
  }

  /** Back to the starting viewpoint, framed for the current canvas. */
  resetView(): void {
    this.userMoved = false;
    this.goHome();
    this.requestRender();
  }

  dispose(): void {
    this.disposed = true;
    this.scheduler.dispose();
    this.visibility?.disconnect();
    this.controls.removeEventListener('change', this.requestRender);
    this.controls.removeEventListener('start', this.onUserMove);
    this.controls.dispose();
    this.meshes.dispose();
    this.marker.dispose();
    this.axes.dispose();
    this.cylinder.dispose();
    this.renderer.dispose();
  }

  private readonly onUserMove = (): void => {
    this.userMoved = true;
  };

  private readonly requestRender = (): void => {
    this.scheduler.soon();
  };

  /** Drawing-buffer px per CSS px on screen (1 on software WebGL, where each pixel costs CPU). */
  private screenRatio(): number {
    return this.software ? 1 : Math.min(2, this.pixelRatio || 1);
  }

  private readonly render = (): void => {
    if (this.disposed) return;
    // While damping settles, update() moves the camera and fires 'change', which asks for the next frame.
    this.controls.update();
    this.draw();
    this.frames++;
    this.publish();
  };

  /** One frame of the scene and the inset, as the camera stands (CSS px; the renderer scales them). */
  private draw(): void {
    this.marker.scaleFor(this.camera);
    const r = this.renderer;
    r.setScissorTest(false);
    r.setViewport(0, 0, this.width, this.height);
    r.clear();
    r.render(this.scene, this.camera);
    if (this.state.cylinder) {
      const { size, margin } = this.inset;
      // Top-right corner (GL counts y from the bottom); the caption sits under it, in HTML.
      const x = this.width - margin - size;
      const y = this.height - margin - size;
      r.setScissorTest(true);
      r.setScissor(x, y, size, size);
      r.setViewport(x, y, size, size);
      r.clear();
      r.render(this.cylinder.scene, this.cylinder.camera);
      r.setScissorTest(false);
    }
  }

  private buildScene(): void {
    this.scene.add(new HemisphereLight(0xdfe6ff, 0x1a1d2a, 1.6));
    const key = new DirectionalLight(0xffffff, 1.4);
    key.position.set(1.5, 2.5, 2);
    this.scene.add(key);
    this.scene.add(...this.meshes.objects, this.axes.group, this.marker.group);
  }

  /** Shows new data: the buffers, the axes around the surface, the framing and the marker. */
  private applyData(): void {
    const data = this.state.data;
    const box = this.meshes.setData(data, this.state.colorBy);
    if (!data) return;
    if (box) this.axes.setBox(box.min.toArray(), box.max.toArray());
    this.frameData(data);
    this.applyMarker();
  }

  /**
   * Makes everything drawn, seen whole, the home view (the surface, the axes, and the validation
   * images with their reconstructions, which early in a run lie far from a still tiny surface), and
   * goes there unless the user has orbited this model's view (then their view stays until Reset view).
   */
  private frameData(data: ManifoldData): void {
    if (this.framedFor !== data.modelId) this.userMoved = false;
    this.framedFor = data.modelId;
    const parts = [data.gridPositions, this.axes.extentPoints(), data.pointPositions, data.reconPositions];
    this.homePoints = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      this.homePoints.set(p, at);
      at += p.length;
    }
    if (!this.userMoved) this.goHome();
  }

  private goHome(): void {
    // The shifted centre leaves (width − shift) / 2 px on its narrower (left) side.
    const halfWidth = Math.max(1, (this.width - this.inset.shift) / 2);
    const halfHeight = this.height / 2;
    const aspect = Math.max(0.2, halfWidth / halfHeight);
    // Label sprites are centred on their anchors: keep half a label free beyond each anchor.
    const labelMargin = Math.max(
      (LABEL_PX * this.axes.labelAspect()) / 2 / halfWidth,
      LABEL_PX / 2 / halfHeight,
    );
    const margin = Math.min(0.5, FIT_MARGIN + labelMargin);
    const fit = fitView(this.homePoints, VIEW_DIRECTION_ARRAY, FOV_DEG, aspect, margin);
    // Drop any orbit still coasting (damping), then place the camera.
    this.controls.enableDamping = false;
    this.controls.update();
    this.controls.target.fromArray(fit.target);
    this.camera.position.copy(VIEW_DIRECTION).multiplyScalar(fit.distance).add(this.controls.target);
    this.camera.updateMatrixWorld();
    this.controls.update();
    this.controls.enableDamping = true;
  }

  private applyColors(): void {
    this.meshes.setColors(this.state.data, this.state.colorBy);
  }

  private applyMarker(): void {
    this.marker.place(this.state.data ? this.state.marker : null);
  }

  /** Exposes what is on screen as data-* attributes for tests and assistive tech. */
  private publish(): void {
    const data = this.state.data;
    const attributes: SceneAttributes = {
      vertices: String(data ? data.perSide * data.perSide : 0),
      points: String(data ? data.pointCount : 0),
      explained: data ? data.explained.toFixed(4) : '',
      colorBy: this.state.colorBy,
      dataUpdates: String(this.meshes.updates),
      allocations: String(this.meshes.allocations),
      frames: String(this.frames),
      markerX: undefined,
      markerY: undefined,
    };
    if (this.marker.visible) {
      this.camera.updateMatrixWorld();
      const ndc = this.projected.copy(this.marker.position).project(this.camera);
      attributes.markerX = (((ndc.x + 1) / 2) * this.width).toFixed(1);
      attributes.markerY = (((1 - ndc.y) / 2) * this.height).toFixed(1);
    }
    this.publishAttributes(attributes);
  }
}

function isPageCanvas(canvas: HTMLCanvasElement | OffscreenCanvas): canvas is HTMLCanvasElement {
  return typeof HTMLCanvasElement !== 'undefined' && canvas instanceof HTMLCanvasElement;
}

/** Writes `attributes` as the element's data-* attributes (undefined removes one). */
export function writeDataset(element: HTMLElement, attributes: SceneAttributes): void {
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) delete element.dataset[key];
    else element.dataset[key] = value;
  }
}
