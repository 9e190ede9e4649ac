/**
 * The two families that need no fit: the VAE prior N(0, I), and "the mean code" — a fixed
 * computation that returns the same point every time, shown as not a generative model.
 */
import type { Rng } from '../random';
import { checkCodes, checkSampleArgs, mapPairs } from './checks';
import { drawGauss, gauss2, gaussLogPdf, moments } from './gauss2';
import type { Density, Point2 } from './types';

/** The VAE prior N(0, I); temperature is its σ. */
export function priorDensity(): Density {
  const g = gauss2([0, 0], [1, 0, 1]);
  return {
    params: { family: 'prior' },
    generative: true,
    notes: [],
    logDensity: (z) => mapPairs(z, (z1, z2) => gaussLogPdf(g, z1, z2)),
    sample(n: number, rng: Rng, temperature: number): Float32Array {
      checkSampleArgs(n, temperature);
      const out = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) drawGauss(g, rng, temperature, out, i);
      return out;
    },
  };
}

/**
 * The codes' mean point. Not a density: logDensity is −Infinity everywhere (UIs say "not a
 * generative model" instead of numbers) and `sample` returns the point n times, whatever the rng.
 */
export function meanDensity(codes: ArrayLike<number>): Density {
  checkCodes(codes);
  const point: Point2 = moments(codes).mean;
  return {
    params: { family: 'mean', point },
    generative: false,
    notes: ['The mean code is a fixed computation, not a generative model: it has no likelihood.'],
    logDensity: (z) => mapPairs(z, () => -Infinity),
    sample(n: number, _rng: Rng, temperature: number): Float32Array {
      checkSampleArgs(n, temperature);
      const out = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) out.set(point, 2 * i);
      return out;
    },
  };
}
