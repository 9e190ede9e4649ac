/**
 * One optimisation step, in parts the training loop (and the benchmark) put together: fill a batch,
 * compute loss and gradients, then apply them only if the loss was finite.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TrainConfig } from '../../shared/train-config';
import type { DatasetSplit } from '../../shared/dataset';
import { FusedAdam } from './fused-adam';
import { type Autoencoder, lossOf, normalNoise } from './model';
import { readInto } from './evaluate';

/**
 * What a training step updates the weights with: our fused Adam (the training loop's), or tfjs's
 * `tf.train.adam`, which computes the same weights and stays usable for comparisons.
 */
export type StepOptimizer = FusedAdam | tf.AdamOptimizer;

/**
 * Computes loss and gradients for one batch; the gradients are returned, not applied, so that a
 * non-finite loss can be refused before it touches the weights (see `applyGradients`).
 * xBatch is [B, s²] row-major, fBatch the interleaved factors [B, 2].
 */
export function trainStep(
  model: Autoencoder,
  vars: tf.Variable[],
  xBatch: Float32Array,
  fBatch: Float32Array,
  config: TrainConfig,
  rng: () => number,
): { loss: number; terms: LossParts; grads: tf.NamedTensorMap } {
  const rows = fBatch.length / 2;
  // Kept out of the gradient's own scope (tf.variableGrads tidies everything but the loss).
  let parts: tf.Tensor1D | null = null;
  const { read, grads } = tf.tidy(() => {
    const x = tf.tensor2d(xBatch, [rows, xBatch.length / rows]); // [B, s²]
    const f = tf.tensor2d(fBatch, [rows, 2]); // [B, 2]
    const noise = config.kind === 'vae' ? normalNoise(rows, rng) : null; // [B, 2]
    const { value, grads: g } = tf.variableGrads(() => {
      const terms = lossOf(model, x, f, config, noise);
      if (terms.parts) parts = tf.keep(terms.parts);
      return terms.total;
    }, vars);
    // One read for the total and its parts.
    return { read: parts ? tf.concat([tf.reshape(value, [1]), parts]) : value, grads: g };
  });
  (parts as tf.Tensor1D | null)?.dispose();
  const values = new Float32Array(read.size);
  readInto(read, values, 0);
  read.dispose();
  const loss = values[0] ?? Number.NaN;
  // Without parts the total is the reconstruction term alone (a plain autoencoder, λ = 0).
  const terms = values.length > 1 ? lossParts(values.subarray(1)) : lossParts([loss, 0, 0, 0, 0]);
  return { loss, terms, grads };
}

/** A step's loss terms (see LossTerms.parts): total = recon + β·klPerPixel + λ·align. */
export interface LossParts {
  recon: number;
  klPerPixel: number;
  align: number;
  /** KL of each latent dimension, nats (0 for a plain autoencoder). */
  klPerDim: number[];
}

/** Reads LossTerms.parts. */
export function lossParts(values: ArrayLike<number>): LossParts {
  return {
    recon: values[0] ?? Number.NaN,
    klPerPixel: values[1] ?? Number.NaN,
    align: values[2] ?? Number.NaN,
    klPerDim: Array.from({ length: Math.max(0, values.length - 3) }, (_, i) => values[3 + i] ?? Number.NaN),
  };
}

/** Both optimizers read their `learningRate` field on every update (tfjs's is public at runtime). */
export function setLearningRate(optimizer: StepOptimizer, rate: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = rate;
}

/** Applies (and frees) the gradients of `trainStep`. */
export function applyGradients(optimizer: FusedAdam | tf.Optimizer, grads: tf.NamedTensorMap): void {
  if (optimizer instanceof FusedAdam) {
    optimizer.applyGradients(grads); // creates no tensors but the new weights
  } else {
    tf.tidy(() =>
      optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor }))),
    );
  }
  tf.dispose(grads);
}

/** Assigns `snapshot` (same order as `vars`) back to the variables. */
export function restore(vars: tf.Variable[], snapshot: tf.Tensor[]): void {
  vars.forEach((v, i) => v.assign(snapshot[i] as tf.Tensor));
}

/** Copies the rows `order[start .. start+B)` of a split into the batch buffers. */
export function fillBatch(
  split: DatasetSplit,
  order: Int32Array,
  start: number,
  xBatch: Float32Array,
  fBatch: Float32Array,
  pixels: number,
): void {
  const rows = fBatch.length / 2;
  for (let i = 0; i < rows; i++) {
    const j = order[start + i] as number;
    xBatch.set(split.images.subarray(j * pixels, (j + 1) * pixels), i * pixels);
    fBatch[2 * i] = split.factors[2 * j] as number;
    fBatch[2 * i + 1] = split.factors[2 * j + 1] as number;
  }
}
