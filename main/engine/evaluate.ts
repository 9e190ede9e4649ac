/**
 * Batched inference and the end-of-epoch evaluation: encode and decode whole splits in chunks
 * (bounded peak memory), then metrics, validation codes and validation loss on the current weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Metrics } from '../../shared/api';
import type { TrainConfig } from '../../shared/train-config';
import type { Dataset, DatasetSplit } from '../../shared/dataset';
import { computeMetrics } from '../../shared/stats';
import { type Autoencoder, decode, encode, lossOf } from './model';

/** Rows per tensor when encoding, decoding or scoring a whole split (bounds peak memory). */
export const EVAL_CHUNK = 1024;

/** Everything computed on the current weights at an epoch end. */
export interface Evaluation {
  metrics: Metrics;
  valCodes: Float32Array;
  lossVal: number;
}

/** Encodes `count` images (interleaved codes out), in chunks. */
export function encodeImages(model: Autoencoder, images: Float32Array, count: number): Float32Array {
  const pixels = model.spec.imageSize * model.spec.imageSize;
  const out = new Float32Array(2 * count);
  for (let start = 0; start < count; start += EVAL_CHUNK) {
    const rows = Math.min(EVAL_CHUNK, count - start);
    const codes = tf.tidy(() => {
      const x = tf.tensor2d(images.subarray(start * pixels, (start + rows) * pixels), [rows, pixels]);
      return encode(model, x).mean;
    });
    out.set(codes.dataSync(), 2 * start);
    codes.dispose();
  }
  return out;
}

/**
 * Encodes `count` images in chunks, keeping a VAE's log-variances too: interleaved codes and
 * log-variances (length 2·count each); `logVar` is null for a plain autoencoder.
 */
export function encodeWithLogVar(
  model: Autoencoder,
  images: Float32Array,
  count: number,
): { codes: Float32Array; logVar: Float32Array | null } {
  const pixels = model.spec.imageSize * model.spec.imageSize;
  const codes = new Float32Array(2 * count);
  const logVar = model.zLogVar ? new Float32Array(2 * count) : null;
  for (let start = 0; start < count; start += EVAL_CHUNK) {
    const rows = Math.min(EVAL_CHUNK, count - start);
    const encoded = tf.tidy(() => {
      const x = tf.tensor2d(images.subarray(start * pixels, (start + rows) * pixels), [rows, pixels]);
      const { mean, logVar: lv } = encode(model, x);
      return lv ? [mean, lv] : [mean];
    });
    codes.set(encoded[0]!.dataSync(), 2 * start);
    if (logVar) logVar.set(encoded[1]!.dataSync(), 2 * start);
    for (const t of encoded) t.dispose();
  }
  return { codes, logVar };
}

/** Decodes interleaved codes (length 2·n) into n images, in chunks. */
export function decodeCodes(model: Autoencoder, codes: Float32Array): Float32Array {
  const pixels = model.spec.imageSize * model.spec.imageSize;
  const count = codes.length / 2;
  const out = new Float32Array(count * pixels);
  for (let start = 0; start < count; start += EVAL_CHUNK) {
    const rows = Math.min(EVAL_CHUNK, count - start);
    const images = tf.tidy(() =>
      decode(model, tf.tensor2d(codes.subarray(2 * start, 2 * (start + rows)), [rows, 2])),
    );
    out.set(images.dataSync(), start * pixels);
    images.dispose();
  }
  return out;
}

/** Metrics, validation codes and validation loss on the current weights. */
export function evaluate(model: Autoencoder, dataset: Dataset, config: TrainConfig): Evaluation {
  const { train, val } = dataset;
  const valCodes = encodeImages(model, val.images, val.count);
  const valRecon = decodeCodes(model, valCodes);
  const trainCodes = encodeImages(model, train.images, train.count);
  const metrics = computeMetrics({
    valImages: val.images,
    valRecon,
    valCodes,
    valFactors: val.factors,
    trainCodes,
    trainFactors: train.factors,
  });
  return { metrics, valCodes, lossVal: validationLoss(model, val, config) };
}

/**
 * The training loss on the validation split (vae: on the means, without sampling), in chunks of
 * EVAL_CHUNK rows. Every term of the loss is a mean over rows, so the row-weighted mean of the
 * chunks' losses is the loss of the whole split; why chunks: at the config limits the split as one
 * tensor is 25,000 × 4,096 floats (about 410 MB), several of them alive at once.
 */
export function validationLoss(model: Autoencoder, val: DatasetSplit, config: TrainConfig): number {
  const pixels = model.spec.imageSize * model.spec.imageSize;
  let weightedSum = 0;
  for (let start = 0; start < val.count; start += EVAL_CHUNK) {
    const rows = Math.min(EVAL_CHUNK, val.count - start);
    const loss = tf.tidy(() => {
      const x = tf.tensor2d(val.images.subarray(start * pixels, (start + rows) * pixels), [rows, pixels]);
      const f = tf.tensor2d(val.factors.subarray(2 * start, 2 * (start + rows)), [rows, 2]);
      return lossOf(model, x, f, config, null).total;
    });
    weightedSum += (loss.dataSync()[0] ?? Number.NaN) * rows;
    loss.dispose();
  }
  return val.count > 0 ? weightedSum / val.count : Number.NaN;
}
