/**
 * The object itself, small: a lit 3-D cylinder of the current height and radius, seen from the same
 * slightly raised viewpoint as the generated pictures and sized in the same fractions of the frame
 * (shared/cylinder.ts), so users can connect object → image → code.
 */
import {
  AmbientLight,
  CylinderGeometry,
  DirectionalLight,
  Mesh,
  MeshStandardMaterial,
  OrthographicCamera,
  Scene,
} from 'three';
import type { Factors } from '../../shared/api';
import { BODY_HEIGHT_RANGE, HALF_WIDTH_RANGE } from '../../shared/cylinder';

/** Sine of the viewing elevation: the generated images draw the caps as ellipses 0.32 as tall as wide. */
const ELEVATION_SIN = 0.32;

/** World size of the cylinder for `factors`: radius and height in fractions of the picture frame. */
export function cylinderSize(factors: Factors): { radius: number; height: number } {
  const lerp = (range: readonly [number, number], t: number) =>
    range[0] + (range[1] - range[0]) * Math.min(1, Math.max(0, t));
  const cos = Math.sqrt(1 - ELEVATION_SIN * ELEVATION_SIN);
  // The pictures place the cap centres BODY_HEIGHT apart on screen; seen from above at this
  // elevation a true height h shows as h·cos, so undo that.
  return {
    radius: lerp(HALF_WIDTH_RANGE, factors.radius),
    height: lerp(BODY_HEIGHT_RANGE, factors.height) / cos,
  };
}

export class CylinderInset {
  readonly scene = new Scene();
  readonly camera = new OrthographicCamera(-0.5, 0.5, 0.5, -0.5, 0.1, 10);
  private readonly geometry = new CylinderGeometry(1, 1, 1, 64, 1);
  private readonly material = new MeshStandardMaterial({ color: 0xdfe4ee, roughness: 0.42, metalness: 0.05 });
  private readonly mesh = new Mesh(this.geometry, this.material);

  constructor() {
    const cos = Math.sqrt(1 - ELEVATION_SIN * ELEVATION_SIN);
    this.camera.position.set(0, 3 * ELEVATION_SIN, 3 * cos);
    this.camera.lookAt(0, 0, 0);
    const key = new DirectionalLight(0xffffff, 2.4);
    key.position.set(-0.6, 1.4, 0.8);
    this.scene.add(new AmbientLight(0xb8c4ff, 0.55), key, this.mesh);
    this.setFactors({ height: 0.5, radius: 0.5 });
  }

  setFactors(factors: Factors): void {
    const { radius, height } = cylinderSize(factors);
    this.mesh.scale.set(radius, height, radius);
  }

  dispose(): void {
    this.geometry.dispose();
    this.material.dispose();
  }
}
