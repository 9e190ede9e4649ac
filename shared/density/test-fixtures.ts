/** Data and helpers for the density tests (imported by *.test.ts only). */
import { createRng, gaussian, type Rng } from '../random';
import { moments } from './gauss2';
import { DENSITY_LIMITS, type Density } from './types';

/** n seeded points from N(mean, [[s1², ρ s1 s2], [ρ s1 s2, s2²]]), interleaved Float32. */
export function gaussianCodes(
  n: number,
  seed: number,
  mean: [number, number] = [0.5, -1],
  s: [number, number] = [1, 0.5],
  rho = 0.6,
): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const e1 = gaussian(rng);
    const e2 = gaussian(rng);
    out[2 * i] = mean[0] + s[0] * e1;
    out[2 * i + 1] = mean[1] + s[1] * (rho * e1 + Math.sqrt(1 - rho * rho) * e2);
  }
  return out;
}

/** `total` samples of d drawn in the sampler's largest batches, then their mean and covariance. */
export function sampleMoments(d: Density, total: number, rng: Rng, temperature = 1) {
  const batch = DENSITY_LIMITS.sampleCount[1];
  const all = new Float32Array(2 * total);
  for (let done = 0; done < total; done += batch) {
    all.set(d.sample(batch, rng, temperature).subarray(0, 2 * Math.min(batch, total - done)), 2 * done);
  }
  return moments(all);
}

/** Concatenates interleaved point sets. */
export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
