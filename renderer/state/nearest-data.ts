import type { Factors, LatentPoints } from '../../shared/api';
import { nearestPoint } from '../lib/nearest-point';

/** A validation image of the model on screen: its code on the current weights and its true factors. */
export interface NearestData {
  index: number;
  /** encode(x) for this image x, from the model's points. */
  code: [number, number];
  factors: Factors;
}

/**
 * The validation image whose code is nearest to z (nearestPoint's brute force), or null when the
 * points have no codes yet (a run before its first epoch).
 * Why it matters: when z moves on the map, the factor sliders show the true cylinder nearest to it.
 *
 * @example nearestData({ codes: [0, 0, 1, 1], factors: [0.2, 0.3, 0.8, 0.9], count: 2 }, [0.9, 0.8]) // index 1
 */
export function nearestData(points: LatentPoints, z: [number, number]): NearestData | null {
  const { codes, factors, count } = points;
  if (count === 0 || codes.length < 2 * count || factors.length < 2 * count) return null;
  const best = nearestPoint(codes.subarray(0, 2 * count), z[0], z[1]);
  if (best < 0) return null;
  return {
    index: best,
    code: [codes[2 * best] as number, codes[2 * best + 1] as number],
    factors: { height: factors[2 * best] as number, radius: factors[2 * best + 1] as number },
  };
}
