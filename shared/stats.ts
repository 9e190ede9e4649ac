/**
 * Model-quality math on plain arrays: reconstruction error, rank correlation, and
 * `computeMetrics`, which turns a model's validation outputs into the `Metrics` of the contract.
 */
import type { Metrics } from './api';
import { channel } from './interleaved';
import { knnRegress, r2 } from './knn';
import { boundsOfCodes } from './latent-bounds';
import { disentanglement } from './disentangle';

/** Neighbours used for the factor-fidelity kNN regression. */
export const KNN_K = 10;

/** Population variance (divides by n). Throws on an empty array. */
export function variance(xs: ArrayLike<number>): number {
  if (xs.length === 0) throw new Error('variance of an empty array');
  let mean = 0;
  for (let i = 0; i < xs.length; i++) mean += xs[i] as number;
  mean /= xs.length;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += ((xs[i] as number) - mean) ** 2;
  return sum / xs.length;
}

/** Mean squared difference of two equally long, non-empty arrays. */
export function mse(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) {
    throw new Error(`mse needs two non-empty arrays of the same length, got ${a.length} and ${b.length}`);
  }
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] as number) - (b[i] as number)) ** 2;
  return sum / a.length;
}

/**
 * Spearman rank correlation: the Pearson correlation of the ranks, with tied values given their
 * average rank. In [-1, 1]; 0 when either input is constant or has fewer than 2 values (no ranking
 * to correlate).
 *
 * @example spearman([1, 2, 3], [10, 20, 30]) // 1
 */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new Error(`spearman needs two arrays of the same length, got ${a.length} and ${b.length}`);
  }
  if (a.length < 2) return 0;
  return pearson(ranks(a), ranks(b));
}

/** Ranks 1..n, ties sharing the average of the ranks they span. */
function ranks(xs: ArrayLike<number>): Float64Array {
  const n = xs.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (xs[i] as number) - (xs[j] as number));
  const out = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && xs[order[end] as number] === xs[order[start] as number]) end++;
    const averageRank = (start + end + 1) / 2; // mean of ranks start+1 .. end
    for (let i = start; i < end; i++) out[order[i] as number] = averageRank;
    start = end;
  }
  return out;
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i] as number;
    meanB += b[i] as number;
  }
  meanA /= n;
  meanB /= n;
  let cov = 0;
  let varA = 0;
  let varB = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - meanA;
    const db = (b[i] as number) - meanB;
    cov += da * db;
    varA += da * da;
    varB += db * db;
  }
  if (varA === 0 || varB === 0) return 0;
  return cov / Math.sqrt(varA * varB);
}

/** What `computeMetrics` needs: the validation set through the model, and the training codes. */
export interface MetricsInput {
  /** Validation images, count·s² pixels. */
  valImages: Float32Array;
  /** The model's reconstructions of them, same length. */
  valRecon: Float32Array;
  /** Interleaved validation codes z = (z1, z2), length 2·valCount. */
  valCodes: Float32Array;
  /** Interleaved true (height, radius) of the validation images, length 2·valCount. */
  valFactors: Float32Array;
  /** Interleaved training codes, length 2·trainCount. */
  trainCodes: Float32Array;
  /** Interleaved true (height, radius) of the training images, length 2·trainCount. */
  trainFactors: Float32Array;
}

/**
 * The contract's `Metrics` from a model's outputs: reconstruction error (plain and normalised by
 * the validation pixel variance), factor fidelity (held-out kNN R², k = 10, fit on training codes
 * and scored on validation codes; Spearman of each latent axis with each factor on validation), and
 * the bounds of the validation codes. Throws a clear error on mismatched lengths or non-finite codes.
 */
export function computeMetrics(input: MetricsInput): Metrics {
  const { valImages, valRecon, valCodes, valFactors, trainCodes, trainFactors } = input;
  assertCodes(valCodes, 'valCodes');
  assertCodes(trainCodes, 'trainCodes');
  if (valFactors.length !== valCodes.length) {
    throw new Error(
      `valFactors must match valCodes in length, got ${valFactors.length} and ${valCodes.length}`,
    );
  }
  if (trainFactors.length !== trainCodes.length) {
    throw new Error(
      `trainFactors must match trainCodes in length, got ${trainFactors.length} and ${trainCodes.length}`,
    );
  }
  const valMse = mse(valImages, valRecon);
  if (!Number.isFinite(valMse)) throw new Error('Reconstructions contain NaN or Infinity');
  const pixelVariance = variance(valImages);
  const predicted = knnRegress(trainCodes, trainFactors, 2, valCodes, KNN_K);
  const [z1, z2, height, radius] = [
    channel(valCodes, 2, 0),
    channel(valCodes, 2, 1),
    channel(valFactors, 2, 0),
    channel(valFactors, 2, 1),
  ];
  return {
    valMse,
    valNmse: pixelVariance > 0 ? valMse / pixelVariance : valMse === 0 ? 0 : Infinity,
    knnR2: { height: r2(valFactors, predicted, 2, 0), radius: r2(valFactors, predicted, 2, 1) },
    spearman: {
      z1: { height: spearman(z1, height), radius: spearman(z1, radius) },
      z2: { height: spearman(z2, height), radius: spearman(z2, radius) },
    },
    latentBounds: boundsOfCodes(valCodes),
    disentanglement: disentanglement(valCodes, valFactors),
  };
}

function assertCodes(codes: Float32Array, name: string): void {
  if (codes.length === 0 || codes.length % 2 !== 0) {
    throw new Error(
      `${name} must hold interleaved 2-D codes (non-empty, even length), got length ${codes.length}`,
    );
  }
  for (let i = 0; i < codes.length; i++) {
    if (!Number.isFinite(codes[i])) {
      throw new Error(
        `${name} contains a non-finite value (${String(codes[i])}) at index ${i}: the model produced NaN or Infinity`,
      );
    }
  }
}
