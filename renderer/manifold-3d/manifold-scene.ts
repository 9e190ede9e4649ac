/**
 * The three.js scene of the 3-D view: the decoded grid as a coloured surface with its grid lines,
 * the validation images as points (with faint lines to their reconstructions), the current latent
 * point as a marker, PC1–3 axes, and an inset with the cylinder itself.
 *
 * React owns the lifecycle (one effect creates and disposes it); this class owns every GPU object.
 * Geometry buffers are updated in place when new data arrive (each epoch), never rebuilt, and a
 * frame is drawn only when something changed or orbit damping is still settling. Marker and inset
 * moves (they stream in while the z slider is dragged) are coalesced and drawn at most
 * MARKER_DRAW_HZ times a second, the last one always drawn (render-scheduler.ts); nothing is drawn
 * while the canvas is out of view. On software WebGL the buffer is 1 px per CSS px, without MSAA.
 */
import {
  BufferAttribute,
  BufferGeometry,
  DoubleSide,
  Group,
  HemisphereLight,
  DirectionalLight,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  PerspectiveCamera,
  Points,
  PointsMaterial,
  Scene,
  SphereGeometry,
  Vector3,
  WebGLRenderer,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { Factors } from '../../shared/api';
import { AxesGroup } from './axes-group';
import { CylinderInset } from './cylinder-inset';
import type { ManifoldData } from './manifold-data';
import { RenderScheduler, type SchedulerClock } from './render-scheduler';
import { dotTexture, factorColors, gridLineIndex, surfaceIndex } from './scene-parts';
import { fitView, insetLayout, type InsetLayout } from './view-layout';
import { probeSoftwareWebGL } from './webgl-probe';

/** Direction the camera looks from (toward the data's centre): a little right, above and in front. */
const VIEW_DIRECTION = new Vector3(2.1, 1.35, 3.1).normalize();
const VIEW_DIRECTION_ARRAY = VIEW_DIRECTION.toArray() as [number, number, number];
const FOV_DEG = 38;
/** Camera distance at which the marker has its modelled size (radius 0.045 world units). */
const MARKER_REFERENCE_DISTANCE = 3.2;
/** Share of the half-view left free around the framed data. */
const FIT_MARGIN = 0.06;
/** Axis label height (CSS px); the framing keeps a label's half width (about this) free at the edges. */
const LABEL_PX = 15;
/** Most frames a second for marker and inset moves streaming in from the sliders and the map. */
const MARKER_DRAW_HZ = 15;

export interface SceneState {
  data: ManifoldData | null;
  colorBy: 'height' | 'radius';
  /** World position of the current latent point, or null to hide the marker. */
  marker: [number, number, number] | null;
  /** Factors of the cylinder in the inset. */
  cylinder: Factors | null;
}

export class ManifoldScene {
  private readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera = new PerspectiveCamera(FOV_DEG, 1, 0.05, 50);
  private readonly controls: OrbitControls;
  private readonly surfaceGeometry = new BufferGeometry();
  private readonly surfaceMaterial = new MeshLambertMaterial({
    vertexColors: true,
    side: DoubleSide,
    polygonOffset: true,
    polygonOffsetFactor: 1,
    polygonOffsetUnits: 1,
  });
  private readonly linesGeometry = new BufferGeometry();
  private readonly linesMaterial = new LineBasicMaterial({
    color: 0x0b0f18,
    transparent: true,
    opacity: 0.55,
  });
  private readonly pointsGeometry = new BufferGeometry();
  private readonly pointsTexture = dotTexture();
  private readonly pointsMaterial = new PointsMaterial({
    size: 6,
    sizeAttenuation: false,
    vertexColors: true,
    map: this.pointsTexture,
    alphaTest: 0.4,
  });
  private readonly errorGeometry = new BufferGeometry();
  private readonly errorMaterial = new LineBasicMaterial({
    color: 0xc8d2e6,
    transparent: true,
    opacity: 0.1,
  });
  private readonly markerGeometry = new SphereGeometry(0.045, 24, 16);
  private readonly markerMaterial = new MeshBasicMaterial({ color: 0xffffff, depthTest: false });
  private readonly haloGeometry = new SphereGeometry(0.085, 24, 16);
  private readonly haloMaterial = new MeshBasicMaterial({
    color: 0xff5d8f,
    transparent: true,
    opacity: 0.45,
    depthTest: false,
  });
  private readonly marker = new Group();
  private readonly axes = new AxesGroup();
  private readonly cylinder = new CylinderInset();
  private readonly canvas: HTMLCanvasElement;
  private readonly state: SceneState = { data: null, colorBy: 'height', marker: null, cylinder: null };
  private readonly scheduler: RenderScheduler;
  private readonly visibility: IntersectionObserver | null;
  private readonly software: boolean;
  /** Scratch vector for the marker's screen position (no allocation per frame). */
  private readonly projected = new Vector3();
  private width = 1;
  private height = 1;
  private disposed = false;
  /** Data updates applied, and GPU buffers (re)allocated for them: the second stays put across epochs. */
  private dataUpdates = 0;
  private allocations = 0;
  private inset: InsetLayout = insetLayout(1, 1);
  /** The model the current data came from: a new model resets the view even if the user had orbited. */
  private framedFor: string | null = null;
  /** What the home view frames (surface vertices and the axes' ends); refit on resize until the user orbits. */
  private homePoints: Float32Array = new Float32Array(0);
  private userMoved = false;

  /** Throws when WebGL cannot start (the panel then explains and the rest of the app goes on). */
  constructor(canvas: HTMLCanvasElement, clock?: SchedulerClock) {
    this.canvas = canvas;
    this.software = probeSoftwareWebGL();
    this.renderer = new WebGLRenderer({
      canvas,
      antialias: !this.software,
      alpha: true,
      powerPreference: 'low-power',
    });
    this.scheduler = new RenderScheduler(this.render, 1000 / MARKER_DRAW_HZ, clock);
    this.visibility =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => {
            const last = entries[entries.length - 1];
            if (last) this.scheduler.setVisible(last.isIntersecting);
          });
    this.visibility?.observe(canvas);
    this.renderer.setClearColor(0x000000, 0);
    this.renderer.autoClear = false;
    this.camera.position.copy(VIEW_DIRECTION).multiplyScalar(4);
    this.controls = new OrbitControls(this.camera, canvas);
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
    else this.scheduler.throttled();
    // Out of view nothing is drawn, but what would be stays readable (tests, assistive tech).
    if (!this.scheduler.visible) this.publish();
  }

  /** Matches the drawing buffer to the canvas' CSS size. */
  resize(width: number, height: number): void {
    this.width = Math.max(1, Math.round(width));
    this.height = Math.max(1, Math.round(height));
    this.renderer.setPixelRatio(this.software ? 1 : Math.min(2, window.devicePixelRatio || 1));
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
    for (const g of [this.surfaceGeometry, this.linesGeometry, this.pointsGeometry, this.errorGeometry])
      g.dispose();
    for (const g of [this.markerGeometry, this.haloGeometry]) g.dispose();
    for (const m of [this.surfaceMaterial, this.linesMaterial, this.pointsMaterial, this.errorMaterial])
      m.dispose();
    for (const m of [this.markerMaterial, this.haloMaterial]) m.dispose();
    this.pointsTexture.dispose();
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

  private readonly render = (): void => {
    if (this.disposed) return;
    // While damping settles, update() moves the camera and fires 'change', which asks for the next frame.
    this.controls.update();
    // The marker keeps about the same size on screen however far the camera is.
    this.marker.scale.setScalar(
      this.camera.position.distanceTo(this.marker.position) / MARKER_REFERENCE_DISTANCE,
    );
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
    this.publish();
  };

  private buildScene(): void {
    this.scene.add(new HemisphereLight(0xdfe6ff, 0x1a1d2a, 1.6));
    const key = new DirectionalLight(0xffffff, 1.4);
    key.position.set(1.5, 2.5, 2);
    this.scene.add(key);
    const surface = new Mesh(this.surfaceGeometry, this.surfaceMaterial);
    const lines = new LineSegments(this.linesGeometry, this.linesMaterial);
    const points = new Points(this.pointsGeometry, this.pointsMaterial);
    const errors = new LineSegments(this.errorGeometry, this.errorMaterial);
    for (const o of [surface, lines, points, errors]) o.frustumCulled = false;
    this.marker.add(
      new Mesh(this.haloGeometry, this.haloMaterial),
      new Mesh(this.markerGeometry, this.markerMaterial),
    );
    this.marker.renderOrder = 10;
    this.marker.children.forEach((child, i) => (child.renderOrder = 10 + i));
    this.marker.visible = false;
    this.scene.add(surface, lines, errors, points, this.axes.group, this.marker);
  }

  /** Copies new positions into the existing buffers (reallocating only when a size changes). */
  private applyData(): void {
    const data = this.state.data;
    if (!data) {
      this.surfaceGeometry.setDrawRange(0, 0);
      this.linesGeometry.setDrawRange(0, 0);
      this.pointsGeometry.setDrawRange(0, 0);
      this.errorGeometry.setDrawRange(0, 0);
      return;
    }
    const vertices = data.perSide * data.perSide;
    this.dataUpdates++;
    const fresh = this.ensureAttribute(this.surfaceGeometry, 'position', vertices, 3, true);
    this.ensureAttribute(this.surfaceGeometry, 'color', vertices, 3, true);
    if (fresh) {
      this.surfaceGeometry.setIndex(new BufferAttribute(surfaceIndex(data.perSide), 1));
      this.linesGeometry.setIndex(new BufferAttribute(gridLineIndex(data.perSide), 1));
      // The grid lines share the surface's vertex buffer.
      this.linesGeometry.setAttribute('position', this.surfaceGeometry.getAttribute('position'));
    }
    writeAttribute(this.surfaceGeometry, 'position', data.gridPositions);
    this.surfaceGeometry.computeVertexNormals();
    this.surfaceGeometry.computeBoundingBox();
    this.surfaceGeometry.setDrawRange(0, Infinity);
    const box = this.surfaceGeometry.boundingBox;
    if (box) this.axes.setBox(box.min.toArray(), box.max.toArray());
    this.frameData(data);
    this.linesGeometry.setDrawRange(0, Infinity);

    this.ensureAttribute(this.pointsGeometry, 'position', data.pointCount, 3, false);
    this.ensureAttribute(this.pointsGeometry, 'color', data.pointCount, 3, false);
    writeAttribute(this.pointsGeometry, 'position', data.pointPositions);
    this.pointsGeometry.setDrawRange(0, data.pointCount);

    const hasRecon = data.reconPositions.length === data.pointPositions.length;
    this.ensureAttribute(this.errorGeometry, 'position', 2 * data.pointCount, 3, false);
    const pairs = this.errorGeometry.getAttribute('position').array as Float32Array;
    for (let i = 0; hasRecon && i < data.pointCount; i++) {
      pairs.set(data.pointPositions.subarray(3 * i, 3 * i + 3), 6 * i);
      pairs.set(data.reconPositions.subarray(3 * i, 3 * i + 3), 6 * i + 3);
    }
    this.errorGeometry.getAttribute('position').needsUpdate = true;
    this.errorGeometry.setDrawRange(0, hasRecon ? 2 * data.pointCount : 0);
    this.applyColors();
    this.applyMarker();
  }

  /**
   * Makes the surface and the axes, seen whole, the home view, and goes there unless the user has
   * orbited this model's view (then their view stays until Reset view).
   */
  private frameData(data: ManifoldData): void {
    if (this.framedFor !== data.modelId) this.userMoved = false;
    this.framedFor = data.modelId;
    const axes = this.axes.extentPoints();
    this.homePoints = new Float32Array(data.gridPositions.length + axes.length);
    this.homePoints.set(data.gridPositions);
    this.homePoints.set(axes, data.gridPositions.length);
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
    const data = this.state.data;
    if (!data) return;
    const surfaceColors = this.surfaceGeometry.getAttribute('color');
    factorColors(
      data.gridFactors,
      this.state.colorBy,
      data.perSide * data.perSide,
      surfaceColors.array as Float32Array,
    );
    surfaceColors.needsUpdate = true;
    const pointColors = this.pointsGeometry.getAttribute('color');
    factorColors(data.pointFactors, this.state.colorBy, data.pointCount, pointColors.array as Float32Array);
    pointColors.needsUpdate = true;
  }

  private applyMarker(): void {
    const p = this.state.marker;
    this.marker.visible = p !== null && this.state.data !== null;
    if (p) this.marker.position.set(p[0], p[1], p[2]);
  }

  /**
   * Makes sure attribute `name` holds `count` items (exactly, or at least when the draw range limits
   * it); returns true when it had to be (re)allocated, which happens only when a size changes.
   */
  private ensureAttribute(
    geometry: BufferGeometry,
    name: string,
    count: number,
    itemSize: number,
    exact: boolean,
  ): boolean {
    const existing = geometry.getAttribute(name) as BufferAttribute | undefined;
    if (existing && (exact ? existing.count === count : existing.count >= count)) return false;
    this.allocations++;
    geometry.setAttribute(
      name,
      new BufferAttribute(new Float32Array(Math.max(1, count) * itemSize), itemSize),
    );
    return true;
  }

  /** Exposes what is on screen as data-* attributes for tests and assistive tech. */
  private publish(): void {
    const ds = this.canvas.dataset;
    const data = this.state.data;
    ds.vertices = String(data ? data.perSide * data.perSide : 0);
    ds.points = String(data ? data.pointCount : 0);
    ds.explained = data ? data.explained.toFixed(4) : '';
    ds.colorBy = this.state.colorBy;
    ds.dataUpdates = String(this.dataUpdates);
    ds.allocations = String(this.allocations);
    if (this.marker.visible) {
      this.camera.updateMatrixWorld();
      const ndc = this.projected.copy(this.marker.position).project(this.camera);
      ds.markerX = (((ndc.x + 1) / 2) * this.width).toFixed(1);
      ds.markerY = (((1 - ndc.y) / 2) * this.height).toFixed(1);
    } else {
      delete ds.markerX;
      delete ds.markerY;
    }
  }
}

function writeAttribute(geometry: BufferGeometry, name: string, values: Float32Array): void {
  const attribute = geometry.getAttribute(name) as BufferAttribute;
  (attribute.array as Float32Array).set(values);
  attribute.needsUpdate = true;
}
