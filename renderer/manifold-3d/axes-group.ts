/**
 * The PC1–PC3 axes of the 3-D view, drawn like a plot's frame: three lines from the data's lower
 * corner along the length of the data on each axis, labelled at their tips with sprites that keep
 * a fixed size on screen (worded in the language on screen: `relabel` after a switch). Kept out of
 * the data so they never cross the surface.
 */
import {
  BufferAttribute,
  BufferGeometry,
  Group,
  LineBasicMaterial,
  LineSegments,
  Sprite,
  SpriteMaterial,
} from 'three';
import { t } from '../i18n/current';
import { srgbToLinear, textTexture } from './scene-parts';

/** Axis colours (sRGB hex): PC1 rose, PC2 mint, PC3 sky — muted so the data stay in front. */
const AXIS_COLORS = [0xf08a9b, 0x86d9a8, 0x8fb3ff] as const;
/** Gap between the data and the axes, and how far each axis reaches past the data (world units). */
const GAP = 0.08;
const LABEL_OFFSET = 0.1;

export class AxesGroup {
  readonly group = new Group();
  private readonly geometry = new BufferGeometry();
  private readonly material = new LineBasicMaterial({ vertexColors: true, transparent: true, opacity: 0.8 });
  private readonly labels: Sprite[] = [];
  private readonly positions = new Float32Array(3 * 2 * 3); // 3 axes × 2 ends × xyz

  constructor() {
    const colors = new Float32Array(this.positions.length);
    for (let axis = 0; axis < 3; axis++) {
      const rgb = hexToLinear(AXIS_COLORS[axis] as number);
      for (let end = 0; end < 2; end++) colors.set(rgb, 3 * (2 * axis + end));
      const label = new Sprite(
        new SpriteMaterial({ sizeAttenuation: false, depthTest: false, transparent: true }),
      );
      label.renderOrder = 5;
      this.labels.push(label);
      this.group.add(label);
    }
    this.relabel();
    this.geometry.setAttribute('position', new BufferAttribute(this.positions, 3));
    this.geometry.setAttribute('color', new BufferAttribute(colors, 3));
    this.group.add(new LineSegments(this.geometry, this.material));
    this.setBox([-1, -1, -1], [1, 1, 1]);
  }

  /** Words the labels (PC1, PC2, PC3) in the language on screen; their sizes follow at the next setLabelPixelHeight. */
  relabel(): void {
    this.labels.forEach((label, axis) => {
      const { texture, aspect } = textTexture(
        t('manifold.pc', { n: axis + 1 }),
        cssHex(AXIS_COLORS[axis] as number),
      );
      label.material.map?.dispose();
      label.material.map = texture;
      label.material.needsUpdate = true;
      label.userData.aspect = aspect;
    });
  }

  /** Fits the frame to the data's box (world units): the axes start at its lower corner. */
  setBox(min: readonly number[], max: readonly number[]): void {
    const origin = [0, 1, 2].map((a) => (min[a] ?? -1) - GAP);
    for (let axis = 0; axis < 3; axis++) {
      const tip = (max[axis] ?? 1) + GAP;
      this.positions.set(origin, 6 * axis);
      this.positions.set(origin, 6 * axis + 3);
      this.positions[6 * axis + 3 + axis] = tip;
      const label = this.labels[axis];
      if (label) {
        label.position.fromArray(origin);
        label.position.setComponent(axis, tip + LABEL_OFFSET);
      }
    }
    (this.geometry.getAttribute('position') as BufferAttribute).needsUpdate = true;
  }

  /** The axes' corner and label anchors (xyz, 4 points), for framing the view. */
  extentPoints(): Float32Array {
    const out = new Float32Array(12);
    out.set(this.positions.subarray(0, 3));
    this.labels.forEach((label, i) => out.set(label.position.toArray(), 3 + 3 * i));
    return out;
  }

  /** Widest label's width / height (its sprite is that many label heights wide). */
  labelAspect(): number {
    return Math.max(1, ...this.labels.map((label) => label.userData.aspect as number));
  }

  /** Keeps the labels `px` CSS pixels tall on a canvas `viewportHeight` px tall (perspective camera, vertical fov). */
  setLabelPixelHeight(px: number, viewportHeight: number, fovDeg: number): void {
    const h = (px * 2 * Math.tan(((fovDeg / 2) * Math.PI) / 180)) / Math.max(1, viewportHeight);
    for (const label of this.labels) label.scale.set(h * (label.userData.aspect as number), h, 1);
  }

  dispose(): void {
    this.geometry.dispose();
    this.material.dispose();
    for (const label of this.labels) {
      label.material.map?.dispose();
      label.material.dispose();
    }
  }
}

function hexToLinear(hex: number): [number, number, number] {
  return [
    srgbToLinear(((hex >> 16) & 255) / 255),
    srgbToLinear(((hex >> 8) & 255) / 255),
    srgbToLinear((hex & 255) / 255),
  ];
}

function cssHex(hex: number): string {
  return `#${hex.toString(16).padStart(6, '0')}`;
}
