/**
 * Batched inference and the end-of-epoch evaluation: encode and decode whole splits in chunks
 * (bounded peak memory), then metrics, validation codes and validation loss on the current weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Metrics, TrainConfig } from '../../shared/api';
import type { Dataset, DatasetSplit } from '../../shared/dataset';
import { computeMetrics } from '../../shared/stats';
import { type Autoencoder, decode, encode, lossOf } from './model';

/** Rows per tensor when encoding/decoding a whole split (bounds peak memory). */
const EVAL_CHUNK = 1024;

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

/** The training loss on the validation split (vae: on the means, without sampling). */
function validationLoss(model: Autoencoder, val: DatasetSplit, config: TrainConfig): number {
  const pixels = model.spec.imageSize * model.spec.imageSize;
  const loss = tf.tidy(() => {
    const x = tf.tensor2d(val.images, [val.count, pixels]);
    const f = tf.tensor2d(val.factors, [val.count, 2]);
    return lossOf(model, x, f, config, null).total;
  });
  const value = loss.dataSync()[0] ?? Number.NaN;
  loss.dispose();
  return value;
}
