/**
 * Boxes around latent codes: the bounds of a set of codes (the metrics, the map's fields and the
 * fallback view all use the one function), a margin around them, and bounds that ignore outliers.
 */
import type { LatentBounds } from './api';

/**
 * Axis-aligned bounds of interleaved 2-D codes (point `i` is `(codes[2i], codes[2i+1])`). A point
 * with a non-finite coordinate is left out, and a trailing odd value is ignored; with no finite
 * point at all the answer is the unit box around 0, so a caller always gets a box it can show.
 *
 * @example boundsOfCodes(new Float32Array([0, 1, 2, -1])) // { min: [0, -1], max: [2, 1] }
 * @example boundsOfCodes(new Float32Array([NaN, 5])) // { min: [-1, -1], max: [1, 1] }
 */
export function boundsOfCodes(codes: Float32Array): LatentBounds {
  let min1 = Infinity;
  let min2 = Infinity;
  let max1 = -Infinity;
  let max2 = -Infinity;
  for (let i = 0; i + 1 < codes.length; i += 2) {
    const a = codes[i] as number;
    const b = codes[i + 1] as number;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (a < min1) min1 = a;
    if (a > max1) max1 = a;
    if (b < min2) min2 = b;
    if (b > max2) max2 = b;
  }
  if (min1 > max1) return { min: [-1, -1], max: [1, 1] }; // no finite point
  return { min: [min1, min2], max: [max1, max2] };
}

/**
 * `bounds` grown by `fraction` of its span on every side; an axis of zero span grows by `fraction`
 * itself. @example expandBounds({ min: [0, 10], max: [10, 12] }, 0.1) // { min: [-1, 9.8], max: [11, 12.2] }
 */
export function expandBounds(bounds: LatentBounds, fraction: number): LatentBounds {
  const padZ1 = (bounds.max[0] - bounds.min[0]) * fraction || fraction;
  const padZ2 = (bounds.max[1] - bounds.min[1]) * fraction || fraction;
  return {
    min: [bounds.min[0] - padZ1, bounds.min[1] - padZ2],
    max: [bounds.max[0] + padZ1, bounds.max[1] + padZ2],
  };
}

/**
 * Bounds that leave out the most extreme `tail` fraction of codes at each end of each axis
 * (e.g. 0.01 → the 1st to 99th percentile), so a few outliers do not shrink the dense part of the
 * data to a corner of the view. Falls back to `boundsOfCodes` for fewer than 20 points.
 */
export function robustBounds(codes: Float32Array, tail = 0.01): LatentBounds {
  const n = Math.floor(codes.length / 2);
  if (n < 20) return boundsOfCodes(codes);
  const axis = (k: 0 | 1) => {
    const values: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = codes[2 * i + k] as number;
      if (Number.isFinite(v)) values.push(v);
    }
    values.sort((a, b) => a - b);
    const lo = values[Math.floor(tail * (values.length - 1))] ?? -1;
    const hi = values[Math.ceil((1 - tail) * (values.length - 1))] ?? 1;
    return [lo, hi] as const;
  };
  const [min1, max1] = axis(0);
  const [min2, max2] = axis(1);
  return { min: [min1, min2], max: [max1, max2] };
}
