/**
 * Highest-density regions: the log-density threshold whose super-level set {z : log p(z) ≥ t}
 * holds a given probability mass, estimated by Monte Carlo on the density's own samples (t for
 * mass m is the (1 − m) quantile of log p over samples drawn from p).
 */
import type { Rng } from '../random';
import { DENSITY_LIMITS, type Density } from './types';

/** Samples drawn by default: the 1 % tail of the 99 % level then rests on ~40 points. */
export const HDR_SAMPLES = 4096;

/**
 * Log-density thresholds of the highest-density regions holding each of `masses` (e.g.
 * [0.5, 0.9, 0.99]), in the same order. A density that is not generative ('mean') has none: [].
 *
 * @example hdrLevels(fitGaussian(codes), [0.5, 0.9, 0.99], createRng(1)) // [t50, t90, t99], t50 > t90 > t99
 */
export function hdrLevels(d: Density, masses: readonly number[], rng: Rng, samples = HDR_SAMPLES): number[] {
  if (!d.generative) return [];
  const logs = new Float64Array(samples);
  const chunk = DENSITY_LIMITS.sampleCount[1];
  for (let done = 0; done < samples; done += chunk) {
    // Drawn in the sampler's largest allowed batches; the last batch is cut to fit.
    const z = d.sample(chunk, rng, 1).subarray(0, 2 * Math.min(chunk, samples - done));
    logs.set(d.logDensity(z), done);
  }
  logs.sort();
  return masses.map((m) => {
    const at = Math.min(samples - 1, Math.max(0, Math.floor((1 - m) * samples)));
    return logs[at] as number;
  });
}
