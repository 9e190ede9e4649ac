/**
 * The cylinder renderer: two numbers (height, radius) → a small grayscale picture of an upright
 * cylinder seen slightly from above. This is the whole "world" the autoencoder learns: every image
 * lies on a 2-D manifold in pixel space because exactly these two factors vary.
 *
 * Everything is measured in fractions of the frame, so a cylinder looks the same at 32 and 64 px.
 * Edges are anti-aliased analytically (coverage from an estimated signed distance to each shape), so
 * rendering costs one pass over the pixels of the cylinder's bounding box: no supersampling.
 */
import type { Factors } from './api';
import { IMAGE_SIZES, type ImageSize } from './train-config';

/** Body height (distance between the centres of top and bottom ellipse) as a fraction of the frame: height 0 → MIN, 1 → MAX. */
export const BODY_HEIGHT_RANGE = [0.16, 0.66] as const;
/** Half-width (the radius on screen) as a fraction of the frame: radius 0 → MIN, 1 → MAX. */
export const HALF_WIDTH_RANGE = [0.1, 0.4] as const;
/** Vertical semi-axis of the top and bottom ellipses relative to the half-width (how far from above we look). */
const ELLIPSE_RATIO = 0.32;
/** Background grey level (dark). */
const BACKGROUND = 0.02;
/** Grey level of the top cap (it faces the light, so it is the brightest surface). */
const CAP_LEVEL = 0.96;
/** Body shading: ambient + diffuse·(n·l) + specular·(n·h)^SHININESS. */
const AMBIENT = 0.2;
const DIFFUSE = 0.5;
const SPECULAR = 0.14;
const SHININESS = 18;
/** Light direction in the horizontal plane (x to the right, z toward the viewer), normalised below: from the front left. */
const LIGHT_X = -0.6;
const LIGHT_Z = 0.8;

/**
 * Throws a clear error unless `factors` holds finite `height` and `radius` in [0, 1].
 *
 * @example validateFactors({ height: NaN, radius: 0.5 }); // Error: height must be a finite number in [0,1], got NaN
 */
export function validateFactors(factors: Factors): void {
  if (typeof factors !== 'object' || factors === null) {
    throw new Error(`factors must be an object { height, radius }, got ${String(factors)}`);
  }
  for (const name of ['height', 'radius'] as const) {
    const value: unknown = factors[name];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
      throw new Error(`${name} must be a finite number in [0,1], got ${shown}`);
    }
  }
}

/** Throws a clear error unless `imageSize` is one of `IMAGE_SIZES` (32 or 64). */
export function validateImageSize(imageSize: number): asserts imageSize is ImageSize {
  if (!(IMAGE_SIZES as readonly number[]).includes(imageSize)) {
    throw new Error(`imageSize must be one of ${IMAGE_SIZES.join(', ')}, got ${String(imageSize)}`);
  }
}

/** Geometry of one cylinder in pixels (y grows downward). */
interface CylinderGeometry {
  centerX: number;
  /** Centre of the top ellipse. */
  topY: number;
  /** Centre of the bottom ellipse. */
  bottomY: number;
  /** Half-width. */
  halfWidth: number;
  /** Vertical semi-axis of the top and bottom ellipses. */
  ellipseHalfHeight: number;
}

/** Where the cylinder of `factors` sits in a frame of `imageSize` pixels; centred, so every size fits. */
export function cylinderGeometry(factors: Factors, imageSize: number): CylinderGeometry {
  const bodyHeight = imageSize * lerp(BODY_HEIGHT_RANGE, factors.height);
  const halfWidth = imageSize * lerp(HALF_WIDTH_RANGE, factors.radius);
  const center = imageSize / 2;
  return {
    centerX: center,
    topY: center - bodyHeight / 2,
    bottomY: center + bodyHeight / 2,
    halfWidth,
    ellipseHalfHeight: halfWidth * ELLIPSE_RATIO,
  };
}

/**
 * Renders the cylinder with the given factors.
 *
 * @param factors height and radius, each in [0,1]
 * @param imageSize side in pixels, 32 (default) or 64
 * @param out optional buffer of length imageSize² to write into (no allocation)
 * @returns grayscale pixels in [0,1], row-major: pixel (row, col) at `row * imageSize + col`
 * @example const pixels = renderCylinder({ height: 0.5, radius: 0.5 }); // Float32Array(1024)
 */
export function renderCylinder(
  factors: Factors,
  imageSize: ImageSize = 32,
  out?: Float32Array,
): Float32Array {
  validateFactors(factors);
  validateImageSize(imageSize);
  const size = imageSize;
  if (out !== undefined && (!(out instanceof Float32Array) || out.length !== size * size)) {
    throw new Error(`out must be a Float32Array of length ${size * size} (imageSize²)`);
  }
  const pixels = out ?? new Float32Array(size * size);
  pixels.fill(BACKGROUND);
  const geometry = cylinderGeometry(factors, size);
  const { centerX, topY, bottomY, halfWidth: a, ellipseHalfHeight: b } = geometry;
  // Only the bounding box (plus one pixel of anti-aliasing) can differ from the background.
  const col0 = Math.max(0, Math.floor(centerX - a - 1));
  const col1 = Math.min(size - 1, Math.ceil(centerX + a + 1));
  const row0 = Math.max(0, Math.floor(topY - b - 1));
  const row1 = Math.min(size - 1, Math.ceil(bottomY + b + 1));
  for (let col = col0; col <= col1; col++) {
    const dx = col + 0.5 - centerX;
    const bodyLevel = bodyShade(dx / a);
    for (let row = row0; row <= row1; row++) {
      const py = row + 0.5;
      // Silhouette = side rectangle ∪ top ellipse ∪ bottom ellipse; the cap is the top ellipse.
      const dCap = ellipseDistance(dx, py - topY, a, b);
      const dRect = Math.max(Math.abs(dx) - a, topY - py, py - bottomY);
      const dBottom = ellipseDistance(dx, py - bottomY, a, b);
      const silhouette = coverage(Math.min(dCap, dRect, dBottom));
      if (silhouette <= 0) continue;
      const cap = coverage(dCap);
      const surface = cap * CAP_LEVEL + (1 - cap) * bodyLevel;
      pixels[row * size + col] = BACKGROUND + silhouette * (surface - BACKGROUND);
    }
  }
  return pixels;
}

/** Grey level of the curved side at normalised horizontal position u = x / halfWidth in [-1, 1]. */
function bodyShade(u: number): number {
  const nx = Math.max(-1, Math.min(1, u));
  const nz = Math.sqrt(1 - nx * nx);
  const lightNorm = Math.hypot(LIGHT_X, LIGHT_Z);
  const lx = LIGHT_X / lightNorm;
  const lz = LIGHT_Z / lightNorm;
  const diffuse = Math.max(0, nx * lx + nz * lz);
  // Blinn–Phong half vector between the light and the viewer (0, 0, 1).
  const hNorm = Math.hypot(lx, lz + 1);
  const specular = Math.max(0, (nx * lx + nz * (lz + 1)) / hNorm) ** SHININESS;
  return Math.min(1, AMBIENT + DIFFUSE * diffuse + SPECULAR * specular);
}

/** Approximate signed distance in pixels from (x, y) to the ellipse with semi-axes a, b (negative inside). */
function ellipseDistance(x: number, y: number, a: number, b: number): number {
  const qx = x / a;
  const qy = y / b;
  const q = Math.sqrt(qx * qx + qy * qy);
  if (q === 0) return -Math.min(a, b);
  // First-order estimate (q - 1) / |∇q|: exact enough within a pixel of the edge, which is all anti-aliasing needs.
  const gradient = Math.sqrt((qx / a) ** 2 + (qy / b) ** 2) / q;
  return (q - 1) / gradient;
}

/** Fraction of a pixel covered by a shape whose signed distance at the pixel centre is d. */
function coverage(d: number): number {
  return d <= -0.5 ? 1 : d >= 0.5 ? 0 : 0.5 - d;
}

function lerp(range: readonly [number, number], t: number): number {
  return range[0] + (range[1] - range[0]) * t;
}
