/**
 * One optimisation step, in parts the training loop (and the benchmark) put together: fill a batch,
 * compute loss and gradients, then apply them only if the loss was finite.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TrainConfig } from '../../shared/train-config';
import type { DatasetSplit } from '../../shared/dataset';
import { FusedAdam } from './fused-adam';
import { type Autoencoder, lossOf, normalNoise } from './model';

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
): { loss: number; grads: tf.NamedTensorMap } {
  const rows = fBatch.length / 2;
  const { value, grads } = tf.tidy(() => {
    const x = tf.tensor2d(xBatch, [rows, xBatch.length / rows]); // [B, s²]
    const f = tf.tensor2d(fBatch, [rows, 2]); // [B, 2]
    const noise = config.kind === 'vae' ? normalNoise(rows, rng) : null; // [B, 2]
    return tf.variableGrads(() => lossOf(model, x, f, config, noise).total, vars);
  });
  const loss = value.dataSync()[0] ?? Number.NaN;
  value.dispose();
  return { loss, grads };
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
