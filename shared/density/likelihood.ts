/** How well a density explains codes: mean log-likelihood per code, and codes it cannot produce. */
import type { Density } from './types';

/**
 * Mean log p(z) per code in nats over interleaved `codes`; −Infinity as soon as one code has
 * p = 0 (a box that leaves a code out), NaN for no codes.
 *
 * @example meanLogLikelihood(boxDensity([0, 0], [2, 1]), [1, 0.5, 3, 0]) // -Infinity
 */
export function meanLogLikelihood(d: Density, codes: ArrayLike<number>): number {
  const logs = d.logDensity(codes);
  let sum = 0;
  for (const l of logs) sum += l;
  return sum / logs.length;
}

/** How many codes have log p = −Infinity under `d` (outside a box; every code for 'mean'). */
export function countOutside(d: Density, codes: ArrayLike<number>): number {
  let outside = 0;
  for (const l of d.logDensity(codes)) if (l === -Infinity) outside++;
  return outside;
}
