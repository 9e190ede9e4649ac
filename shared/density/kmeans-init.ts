/** k-means++ seeding: the starting centres of EM, reproducible from a seeded rng. */
import type { Rng } from '../random';
import type { Point2 } from './types';

/**
 * `k` centres chosen among the n interleaved points: the first uniformly, each next one with
 * probability proportional to its squared distance from the nearest centre so far (k-means++).
 * When every remaining point coincides with a centre, the next is drawn uniformly.
 *
 * @example kMeansPlusPlus(codes, 3, createRng(1)) // [[z1, z2], [z1, z2], [z1, z2]]
 */
export function kMeansPlusPlus(codes: ArrayLike<number>, k: number, rng: Rng): Point2[] {
  const n = Math.floor(codes.length / 2);
  const point = (i: number): Point2 => [codes[2 * i] as number, codes[2 * i + 1] as number];
  const centres: Point2[] = [point(Math.floor(rng() * n))];
  const nearest = new Float64Array(n).fill(Infinity);
  while (centres.length < k) {
    const [c1, c2] = centres[centres.length - 1] as Point2;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d1 = (codes[2 * i] as number) - c1;
      const d2 = (codes[2 * i + 1] as number) - c2;
      nearest[i] = Math.min(nearest[i] as number, d1 * d1 + d2 * d2);
      total += nearest[i] as number;
    }
    centres.push(point(total > 0 ? pickWeighted(nearest, total, rng) : Math.floor(rng() * n)));
  }
  return centres;
}

/** An index drawn with probability weights[i] / total. */
function pickWeighted(weights: Float64Array, total: number, rng: Rng): number {
  let target = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i] as number;
    if (target < 0) return i;
  }
  // Rounding can leave a sliver of `target`: the last point with weight takes it.
  for (let i = weights.length - 1; i >= 0; i--) if ((weights[i] as number) > 0) return i;
  return weights.length - 1;
}
