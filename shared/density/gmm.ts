/**
 * The Gaussian mixture: k full-covariance components fitted by EM from a seeded k-means++ start,
 * in log space throughout (log-sum-exp), stopping when the mean log-likelihood changes by less
 * than a relative tolerance or after an iteration cap.
 */
import type { Rng } from '../random';
import { createRng } from '../random';
import { checkCodes, checkSampleArgs } from './checks';
import { type Gauss2, drawGauss, gauss2, gaussLogPdf, moments, regularizeCov } from './gauss2';
import { kMeansPlusPlus } from './kmeans-init';
import { type Density, DensityError } from './types';

/** EM stops when |ΔL| ≤ this × max(1, |L|) (L = mean log-likelihood per code)… */
export const EM_TOLERANCE = 1e-6;
/** …or after this many iterations. */
export const EM_MAX_ITERATIONS = 200;

interface Mixture {
  logWeights: Float64Array;
  parts: Gauss2[];
}

/**
 * A k-component mixture fitted to interleaved codes. params carries the iterations, whether EM
 * converged and the mean log-likelihood after each iteration (non-decreasing: that is EM's
 * guarantee; a floored step, below, is the one exception). A component that collapses onto a line
 * or a point gets a covariance floor, said in notes.
 */
export function fitGmm(codes: ArrayLike<number>, k: number, seed: number): Density {
  const n = checkCodes(codes);
  if (k > n) throw new DensityError(`A mixture of k = ${k} components needs at least ${k} codes; got ${n}.`);
  const data = moments(codes);
  const scale = data.cov[0] + data.cov[2];
  const spread = regularizeCov(data.cov, scale).cov;
  const centres = kMeansPlusPlus(codes, k, createRng(seed));
  let mix: Mixture = {
    logWeights: new Float64Array(k).fill(-Math.log(k)),
    parts: centres.map((c) => gauss2(c, spread)),
  };
  const resp = hardAssign(codes, centres);
  const trace: number[] = [];
  let floored = false;
  let converged = false;
  while (trace.length < EM_MAX_ITERATIONS && !converged) {
    const step = mStep(codes, resp, k, mix, scale);
    floored ||= step.floored;
    mix = step.mix;
    const logLik = eStep(codes, mix, resp) / n;
    const previous = trace[trace.length - 1];
    trace.push(logLik);
    converged =
      previous !== undefined && Math.abs(logLik - previous) <= EM_TOLERANCE * Math.max(1, Math.abs(logLik));
  }
  const notes = [
    converged
      ? `EM converged after ${trace.length} iterations.`
      : `EM stopped at the cap of ${EM_MAX_ITERATIONS} iterations before converging.`,
  ];
  if (floored) notes.push('A component collapsed onto a line or point: a small covariance floor was added.');
  return makeMixture(mix, { iterations: trace.length, converged, logLikTrace: trace }, notes);
}

/** One-hot responsibilities (n × k): each code to its nearest centre. */
function hardAssign(codes: ArrayLike<number>, centres: [number, number][]): Float64Array {
  const n = Math.floor(codes.length / 2);
  const k = centres.length;
  const resp = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestD = Infinity;
    centres.forEach(([c1, c2], j) => {
      const d = ((codes[2 * i] as number) - c1) ** 2 + ((codes[2 * i + 1] as number) - c2) ** 2;
      if (d < bestD) [best, bestD] = [j, d];
    });
    resp[i * k + best] = 1;
  }
  return resp;
}

/** Maximum-likelihood weights, means and covariances given responsibilities. */
function mStep(
  codes: ArrayLike<number>,
  resp: Float64Array,
  k: number,
  previous: Mixture,
  scale: number,
): { mix: Mixture; floored: boolean } {
  const n = Math.floor(codes.length / 2);
  const column = new Float64Array(n);
  const logWeights = new Float64Array(k);
  let floored = false;
  const parts = previous.parts.map((old, j) => {
    let total = 0;
    for (let i = 0; i < n; i++) total += column[i] = resp[i * k + j] as number;
    logWeights[j] = Math.log(total / n);
    // Why keep an empty component's shape: with no responsibility its moments are undefined;
    // its weight is 0, so it no longer counts.
    if (!(total > 0)) return old;
    const m = moments(codes, column);
    const { cov, ridge } = regularizeCov(m.cov, scale);
    floored ||= ridge > 0;
    return gauss2(m.mean, cov);
  });
  return { mix: { logWeights, parts }, floored };
}

/** Fills responsibilities for `mix`; returns the total log-likelihood of the codes. */
function eStep(codes: ArrayLike<number>, mix: Mixture, resp: Float64Array): number {
  const k = mix.parts.length;
  const n = Math.floor(codes.length / 2);
  const terms = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const lse = logSumExpTerms(mix, codes[2 * i] as number, codes[2 * i + 1] as number, terms);
    total += lse;
    for (let j = 0; j < k; j++) resp[i * k + j] = Math.exp((terms[j] as number) - lse);
  }
  return total;
}

/** log Σ_j w_j N(z; μ_j, Σ_j), leaving each log w_j + log N_j in `terms`. */
function logSumExpTerms(mix: Mixture, z1: number, z2: number, terms: Float64Array): number {
  let max = -Infinity;
  for (let j = 0; j < mix.parts.length; j++) {
    const t = (mix.logWeights[j] as number) + gaussLogPdf(mix.parts[j] as Gauss2, z1, z2);
    terms[j] = t;
    if (t > max) max = t;
  }
  let sum = 0;
  for (let j = 0; j < mix.parts.length; j++) sum += Math.exp((terms[j] as number) - max);
  return max + Math.log(sum);
}

function makeMixture(
  mix: Mixture,
  run: { iterations: number; converged: boolean; logLikTrace: number[] },
  notes: string[],
): Density {
  const weights = Array.from(mix.logWeights, Math.exp);
  const terms = new Float64Array(mix.parts.length);
  return {
    params: {
      family: 'gmm',
      weights,
      means: mix.parts.map((g) => g.mean),
      covs: mix.parts.map((g) => g.cov),
      ...run,
    },
    generative: true,
    notes,
    logDensity(z) {
      const out = new Float64Array(Math.floor(z.length / 2));
      for (let i = 0; i < out.length; i++) {
        out[i] = logSumExpTerms(mix, z[2 * i] as number, z[2 * i + 1] as number, terms);
      }
      return out;
    },
    sample(n: number, rng: Rng, temperature: number): Float32Array {
      checkSampleArgs(n, temperature);
      const out = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) {
        drawGauss(mix.parts[pickComponent(weights, rng)] as Gauss2, rng, temperature, out, i);
      }
      return out;
    },
  };
}

/** A component index drawn by weight (weights sum to 1 up to rounding). */
function pickComponent(weights: number[], rng: Rng): number {
  let u = rng();
  for (let j = 0; j < weights.length; j++) {
    u -= weights[j] as number;
    if (u < 0) return j;
  }
  // Rounding can leave a sliver of u: the last component with weight takes it.
  for (let j = weights.length - 1; j > 0; j--) if ((weights[j] as number) > 0) return j;
  return 0;
}
