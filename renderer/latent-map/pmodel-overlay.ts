/**
 * The p_model layer's raster, made ready to paint: the log-density raster as RGBA shading, and its
 * highest-density contours as segments with their probability-mass labels. Pure (no DOM), so it
 * can be tested; pmodel-canvas.ts turns the pixels into a canvas.
 */
import type { LatentBounds } from '../../shared/api';
import { contourSegments } from './contours';

/** A log-density raster at grid nodes, order of gridLayout(bounds, cols, rows, 'bottom-up'). */
export interface DensityRaster {
  values: Float64Array;
  cols: number;
  rows: number;
  bounds: LatentBounds;
}

/** One highest-density contour: its log-density level, its label ("50 %") and its segments. */
export interface HdrContour {
  level: number;
  label: string;
  /** Latent segments packed [z1a, z2a, z1b, z2b, …], as contours.ts gives them. */
  segments: Float32Array;
  /** Where its label goes (its topmost point), null when it has no segment. */
  anchor: [number, number] | null;
}

/** The probability masses of `PModelLayer.levels`, in its order. */
export const HDR_MASSES = [0.5, 0.9, 0.99] as const;

/** The strongest the shading gets (at the density's peak), and its colour ramp (low → high). */
const DENSITY_MAX_ALPHA = 0.55;
/**
 * A flat density (the uniform box) is at its peak everywhere it is positive: at the peak's
 * opacity it would hide the decoded grid under the whole box, so it gets a light wash instead.
 */
const FLAT_ALPHA = 0.16;
const RAMP_LOW = [92, 20, 120] as const; // deep magenta
const RAMP_HIGH = [255, 176, 60] as const; // warm amber
/**
 * Relative density p/p_max is shown through this power: < 1 lifts the tails, so a Gaussian's
 * 99 % region is still visible rather than a small bright spot.
 */
const DENSITY_GAMMA = 0.45;

/**
 * The raster as RGBA pixels, one per node, row 0 at the TOP (largest z₂) so it paints as an image
 * directly. Colour and opacity grow with p/p_max; where p = 0 (log p = −∞) the pixel is
 * transparent. A raster with no finite value is all transparent; a flat one (the box) a light wash.
 */
export function densityPixels(r: DensityRaster): Uint8ClampedArray {
  const out = new Uint8ClampedArray(4 * r.cols * r.rows);
  const peak = finiteMax(r.values);
  if (!Number.isFinite(peak)) return out;
  const maxAlpha = peak - finiteMin(r.values) < 1e-9 ? FLAT_ALPHA : DENSITY_MAX_ALPHA;
  for (let row = 0; row < r.rows; row++) {
    const src = (r.rows - 1 - row) * r.cols;
    for (let col = 0; col < r.cols; col++) {
      const v = r.values[src + col]!;
      if (!Number.isFinite(v)) continue;
      const t = Math.exp(v - peak) ** DENSITY_GAMMA;
      const o = 4 * (row * r.cols + col);
      out[o] = RAMP_LOW[0] + (RAMP_HIGH[0] - RAMP_LOW[0]) * t;
      out[o + 1] = RAMP_LOW[1] + (RAMP_HIGH[1] - RAMP_LOW[1]) * t;
      out[o + 2] = RAMP_LOW[2] + (RAMP_HIGH[2] - RAMP_LOW[2]) * t;
      out[o + 3] = Math.round(255 * maxAlpha * t);
    }
  }
  return out;
}

/**
 * The latent rectangle the pixel image covers: each pixel is centred on its node, so the image
 * reaches half a node spacing beyond `bounds` on every side.
 *
 * @example pixelBounds({ values, cols: 3, rows: 3, bounds: { min: [0, 0], max: [2, 2] } }) // { min: [-0.5, -0.5], max: [2.5, 2.5] }
 */
export function pixelBounds(r: DensityRaster): LatentBounds {
  const half1 = r.cols > 1 ? (r.bounds.max[0] - r.bounds.min[0]) / (r.cols - 1) / 2 : 0;
  const half2 = r.rows > 1 ? (r.bounds.max[1] - r.bounds.min[1]) / (r.rows - 1) / 2 : 0;
  return {
    min: [r.bounds.min[0] - half1, r.bounds.min[1] - half2],
    max: [r.bounds.max[0] + half1, r.bounds.max[1] + half2],
  };
}

/**
 * The highest-density contours at `levels` (log-density thresholds of the 50/90/99 % regions, in
 * that order). Where p = 0 the raster is set a little below the lowest finite value, so a contour
 * around a box or a far tail still closes.
 *
 * @example hdrContours(raster, [l50, l90, l99]).map((c) => c.label) // ['50 %', '90 %', '99 %']
 */
export function hdrContours(r: DensityRaster, levels: readonly number[]): HdrContour[] {
  const lowest = finiteMin(r.values);
  if (!Number.isFinite(lowest)) return [];
  const highest = finiteMax(r.values);
  // Why a finite floor: marching squares interpolates between corners, and −∞ would give NaN.
  const floor = lowest - Math.max(1, highest - lowest);
  const values = Float32Array.from(r.values, (v) => (Number.isFinite(v) ? v : floor));
  const field = { bounds: r.bounds, cols: r.cols, rows: r.rows, values };
  // A box has one level for every mass (its density is flat): one contour, labelled "50 / 90 / 99 %".
  const merged: { level: number; masses: number[] }[] = [];
  levels.forEach((level, k) => {
    if (!Number.isFinite(level)) return;
    const same = merged.find((m) => m.level === level);
    if (same) same.masses.push(HDR_MASSES[k] ?? NaN);
    else merged.push({ level, masses: [HDR_MASSES[k] ?? NaN] });
  });
  return merged.map(({ level, masses }) => {
    // Why fround: the field is Float32; a flat density (the box) sits exactly at its level, and
    // must compare equal to it, not a rounding below.
    const segments = contourSegments(field, Math.fround(level));
    return { level, label: massLabel(masses), segments, anchor: labelAnchor(segments) };
  });
}

/** "50 %" for [0.5]; "50 / 90 %" for [0.5, 0.9]; masses the layer did not name are left out. */
function massLabel(masses: number[]): string {
  const known = masses.filter(Number.isFinite).map((m) => Math.round(m * 100));
  return known.length ? `${known.join(' / ')} %` : '';
}

/**
 * Where to write a contour's label: its topmost point (largest z₂), where labels of nested
 * contours stack without overlapping. Null for a contour with no segment.
 */
function labelAnchor(segments: Float32Array): [number, number] | null {
  let best = -1;
  for (let i = 1; i < segments.length; i += 2) if (best < 0 || segments[i]! > segments[best]!) best = i;
  return best < 0 ? null : [segments[best - 1]!, segments[best]!];
}

function finiteMax(values: Float64Array): number {
  let m = -Infinity;
  for (const v of values) if (Number.isFinite(v) && v > m) m = v;
  return m;
}

function finiteMin(values: Float64Array): number {
  let m = Infinity;
  for (const v of values) if (Number.isFinite(v) && v < m) m = v;
  return m;
}
