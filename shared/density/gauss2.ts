/**
 * The 2-D Gaussian arithmetic shared by the Gaussian, mixture and prior families: moments,
 * Cholesky factors, a ridge for singular covariances, log-density and sampling.
 */
import { gaussian, type Rng } from '../random';
import type { Cov2, Point2 } from './types';

/** Below this fraction of the trace a Cholesky pivot counts as zero: the covariance is singular. */
const PIVOT_TOLERANCE = 1e-10;
/** The first ridge tried, as a fraction of (trace + 1); it grows ×10 until the Cholesky succeeds. */
const RIDGE_START = 1e-6;
const LOG_2PI = Math.log(2 * Math.PI);

/** A Gaussian ready to evaluate: mean, covariance and its Cholesky factor [l11, l21, l22]. */
export interface Gauss2 {
  mean: Point2;
  cov: Cov2;
  chol: [number, number, number];
  /** −log(2π) − log det(L): the log-density's constant. */
  logNorm: number;
}

/**
 * Mean and covariance (MLE: divided by n) of interleaved points, weighted by `weights` when given
 * (weights need not sum to 1). @example moments(new Float32Array([0, 0, 2, 2])) // { mean: [1, 1], cov: [1, 1, 1] }
 */
export function moments(codes: ArrayLike<number>, weights?: ArrayLike<number>): { mean: Point2; cov: Cov2 } {
  const n = Math.floor(codes.length / 2);
  let w = 0;
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const wi = weights ? (weights[i] as number) : 1;
    w += wi;
    m1 += wi * (codes[2 * i] as number);
    m2 += wi * (codes[2 * i + 1] as number);
  }
  m1 /= w;
  m2 /= w;
  let s11 = 0;
  let s12 = 0;
  let s22 = 0;
  for (let i = 0; i < n; i++) {
    const wi = weights ? (weights[i] as number) : 1;
    const d1 = (codes[2 * i] as number) - m1;
    const d2 = (codes[2 * i + 1] as number) - m2;
    s11 += wi * d1 * d1;
    s12 += wi * d1 * d2;
    s22 += wi * d2 * d2;
  }
  return { mean: [m1, m2], cov: [s11 / w, s12 / w, s22 / w] };
}

/** Cholesky factor [l11, l21, l22] of `cov`, or null when it is not (numerically) positive definite. */
export function cholesky(cov: Cov2): [number, number, number] | null {
  const [s11, s12, s22] = cov;
  const tol = PIVOT_TOLERANCE * (Math.abs(s11) + Math.abs(s22));
  if (!(s11 > tol)) return null;
  const l11 = Math.sqrt(s11);
  const l21 = s12 / l11;
  const pivot2 = s22 - l21 * l21;
  if (!(pivot2 > tol)) return null;
  return [l11, l21, Math.sqrt(pivot2)];
}

/**
 * `cov` unchanged when positive definite, else with the smallest ridge `RIDGE_START·(scale + 1)·10^k`
 * on the diagonal that makes it so. `scale` defaults to the trace (a mixture passes the data's).
 *
 * @example regularizeCov([1, 1, 1]).ridge // 2e-6 (all points on a line)
 */
export function regularizeCov(cov: Cov2, scale = cov[0] + cov[2]): { cov: Cov2; ridge: number } {
  if (cholesky(cov)) return { cov, ridge: 0 };
  for (let ridge = RIDGE_START * (Math.abs(scale) + 1); ; ridge *= 10) {
    const withRidge: Cov2 = [cov[0] + ridge, cov[1], cov[2] + ridge];
    if (cholesky(withRidge)) return { cov: withRidge, ridge };
  }
}

/** A Gaussian from a positive-definite covariance (regularize it first). */
export function gauss2(mean: Point2, cov: Cov2): Gauss2 {
  const chol = cholesky(cov);
  if (!chol) throw new Error('gauss2: covariance is not positive definite');
  return { mean, cov, chol, logNorm: -LOG_2PI - Math.log(chol[0] * chol[2]) };
}

/** log N((z1, z2); mean, cov), by solving L y = z − mean. */
export function gaussLogPdf(g: Gauss2, z1: number, z2: number): number {
  const [l11, l21, l22] = g.chol;
  const y1 = (z1 - g.mean[0]) / l11;
  const y2 = (z2 - g.mean[1] - l21 * y1) / l22;
  return g.logNorm - 0.5 * (y1 * y1 + y2 * y2);
}

/** Writes mean + temperature·L·ε (ε standard normal) into out[2i], out[2i+1]: covariance × T². */
export function drawGauss(g: Gauss2, rng: Rng, temperature: number, out: Float32Array, i: number): void {
  const [l11, l21, l22] = g.chol;
  const e1 = gaussian(rng);
  const e2 = gaussian(rng);
  out[2 * i] = g.mean[0] + temperature * l11 * e1;
  out[2 * i + 1] = g.mean[1] + temperature * (l21 * e1 + l22 * e2);
}
