/** The Gaussian family: the maximum-likelihood mean and covariance of the codes (divided by n). */
import type { Rng } from '../random';
import { checkCodes, checkSampleArgs, mapPairs } from './checks';
import { drawGauss, gauss2, gaussLogPdf, moments, regularizeCov } from './gauss2';
import type { Density } from './types';

/**
 * N(mean, cov) fitted by maximum likelihood. A singular covariance (codes on a line, or all equal)
 * gets the smallest ridge that makes it positive definite, reported in params.ridge and notes.
 *
 * @example fitGaussian(codes).params // { family: 'gaussian', mean: [m1, m2], cov: [s11, s12, s22], ridge: 0 }
 */
export function fitGaussian(codes: ArrayLike<number>): Density {
  checkCodes(codes);
  const { mean, cov: raw } = moments(codes);
  const { cov, ridge } = regularizeCov(raw);
  const g = gauss2(mean, cov);
  const notes =
    ridge > 0
      ? [`The covariance was singular: a ridge of ${ridge.toPrecision(2)} was added to its diagonal.`]
      : [];
  return {
    params: { family: 'gaussian', mean, cov, ridge },
    generative: true,
    notes,
    logDensity: (z) => mapPairs(z, (z1, z2) => gaussLogPdf(g, z1, z2)),
    sample(n: number, rng: Rng, temperature: number): Float32Array {
      checkSampleArgs(n, temperature);
      const out = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) drawGauss(g, rng, temperature, out, i);
      return out;
    },
  };
}
