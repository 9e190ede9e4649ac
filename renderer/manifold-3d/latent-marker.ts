/**
 * The current latent point in the 3-D view: a white dot in a rose halo, drawn over the data (no
 * depth test) and kept about the same size on screen however far the camera is.
 */
import { Group, Mesh, MeshBasicMaterial, SphereGeometry, type Camera, type Vector3 } from 'three';

/** Camera distance at which the marker has its modelled size (dot radius 0.045 world units). */
const MARKER_REFERENCE_DISTANCE = 3.2;
/** Drawn after everything else in the scene. */
const RENDER_ORDER = 10;

export class LatentMarker {
  readonly group = new Group();
  private readonly dotGeometry = new SphereGeometry(0.045, 24, 16);
  private readonly dotMaterial = new MeshBasicMaterial({ color: 0xffffff, depthTest: false });
  private readonly haloGeometry = new SphereGeometry(0.085, 24, 16);
  private readonly haloMaterial = new MeshBasicMaterial({
    color: 0xff5d8f,
    transparent: true,
    opacity: 0.45,
    depthTest: false,
  });

  constructor() {
    this.group.add(
      new Mesh(this.haloGeometry, this.haloMaterial),
      new Mesh(this.dotGeometry, this.dotMaterial),
    );
    this.group.renderOrder = RENDER_ORDER;
    this.group.children.forEach((child, i) => (child.renderOrder = RENDER_ORDER + i));
    this.group.visible = false;
  }

  /** World position of the marker. */
  get position(): Vector3 {
    return this.group.position;
  }

  get visible(): boolean {
    return this.group.visible;
  }

  /** Shows the marker at `p` (world units), or hides it for null. */
  place(p: readonly [number, number, number] | null): void {
    this.group.visible = p !== null;
    if (p) this.group.position.set(p[0], p[1], p[2]);
  }

  /** Rescales the marker for the camera's distance, so it keeps its size on screen. */
  scaleFor(camera: Camera): void {
    this.group.scale.setScalar(camera.position.distanceTo(this.group.position) / MARKER_REFERENCE_DISTANCE);
  }

  dispose(): void {
    for (const g of [this.dotGeometry, this.haloGeometry]) g.dispose();
    for (const m of [this.dotMaterial, this.haloMaterial]) m.dispose();
  }
}
