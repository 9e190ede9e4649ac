/**
 * The uniform box: p(z) = 1 / area inside [min, max] (edges included), 0 outside. Its maximum-
 * likelihood fit is the smallest box holding every code — the codes' bounding box — because a
 * smaller box loses a code (likelihood 0) and a larger one spreads the same mass thinner.
 */
import type { Rng } from '../random';
import { checkCodes, checkSampleArgs, mapPairs } from './checks';
import { type Density, DensityError, type Point2 } from './types';

/**
 * The uniform density on the box [min, max]. Throws DensityError unless min < max on both axes
 * (a dragged box with no area). @example boxDensity([0, 0], [2, 1]).logDensity([1, 0.5]) // [-log 2]
 */
export function boxDensity(min: Point2, max: Point2): Density {
  if (![...min, ...max].every(Number.isFinite)) {
    throw new DensityError('The box corners must be finite numbers.');
  }
  for (const axis of [0, 1] as const) {
    if (!(min[axis] < max[axis])) {
      throw new DensityError(`The box needs min < max on z${axis + 1}; got ${min[axis]} ≥ ${max[axis]}.`);
    }
  }
  return makeBox(min, max, []);
}

/**
 * The maximum-likelihood box of interleaved codes: exactly their bounding box. If the codes have
 * no spread on an axis the box has no area and its log-density is −Infinity everywhere (said in
 * notes) — the honest answer: no box of positive area is the MLE.
 */
export function fitBox(codes: ArrayLike<number>): Density {
  const n = checkCodes(codes);
  const min: Point2 = [Infinity, Infinity];
  const max: Point2 = [-Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    for (const axis of [0, 1] as const) {
      const v = codes[2 * i + axis] as number;
      if (v < min[axis]) min[axis] = v;
      if (v > max[axis]) max[axis] = v;
    }
  }
  const notes = [0, 1]
    .filter((axis) => min[axis] === max[axis])
    .map((axis) => `All codes share z${axis + 1}: the box has no area, so its likelihood is 0.`);
  return makeBox(min, max, notes);
}

function makeBox(min: Point2, max: Point2, notes: string[]): Density {
  const [lo1, lo2] = min;
  const [hi1, hi2] = max;
  const area = (hi1 - lo1) * (hi2 - lo2);
  // A box with no area is not a density; every point gets log p = −∞ (also on its own line).
  const inside = area > 0 ? -Math.log(area) : -Infinity;
  return {
    params: { family: 'box', min: [lo1, lo2], max: [hi1, hi2] },
    generative: true,
    notes,
    logDensity: (z) =>
      mapPairs(z, (z1, z2) => (z1 >= lo1 && z1 <= hi1 && z2 >= lo2 && z2 <= hi2 ? inside : -Infinity)),
    sample(n: number, rng: Rng, temperature: number): Float32Array {
      checkSampleArgs(n, temperature);
      // Temperature scales the half-widths about the centre.
      const c1 = (lo1 + hi1) / 2;
      const c2 = (lo2 + hi2) / 2;
      const w1 = ((hi1 - lo1) / 2) * temperature;
      const w2 = ((hi2 - lo2) / 2) * temperature;
      const out = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) {
        out[2 * i] = c1 + (2 * rng() - 1) * w1;
        out[2 * i + 1] = c2 + (2 * rng() - 1) * w2;
      }
      return out;
    },
  };
}
