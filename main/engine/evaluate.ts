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
import { inSlices } from './slices';
import { gemmAvailable, type HeapBackend } from './gemm';

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
    readInto(codes, out, 2 * start);
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
    readInto(encoded[0]!, codes, 2 * start);
    if (logVar) readInto(encoded[1]!, logVar, 2 * start);
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
    readInto(images, out, start * pixels);
    images.dispose();
  }
  return out;
}

/**
 * Copies a float32 tensor's values into `out` at `offset`: straight from the wasm heap where the
 * backend is ours, else through dataSync. Why: dataSync allocates a fresh array and copies into
 * it; for a decoded grid (1 MB) that extra array and its page faults cost about a fifth of the decode.
 */
export function readInto(tensor: tf.Tensor, out: Float32Array, offset: number): void {
  const backend = tf.backend();
  if (tensor.dtype === 'float32' && gemmAvailable(backend))
    out.set((backend as unknown as HeapBackend).typedArrayFromHeap(tensor), offset);
  else out.set(tensor.dataSync() as Float32Array, offset);
}

/**
 * Validation images whose reconstructions score an evaluation (NMSE and validation loss), and
 * training codes the kNN fidelity looks up; every validation code is still encoded (the map shows
 * them all). Why caps: at the config limits the whole splits took 4.6 s at every epoch's end and
 * after every stop (issue 10: a stop must end a run within a second; with these caps a stop mid-run
 * at 64 px × 50,000 ends in about 0.8 s, see `npm run bench`). The splits are shuffled, so their
 * first images are a fair sample: 1,000 estimate NMSE and loss to a few per cent. The default
 * config (800 validation, 3,200 training images) is scored whole.
 */
export const SCORED_VAL_IMAGES = 1000;
export const KNN_TRAIN_CODES = 5000;

/**
 * Metrics, validation codes and validation loss on the current weights, in slices (slices.ts): a
 * decode asked for meanwhile waits for one slice, not the whole evaluation. The caller must not
 * change the weights until it resolves (the training loop awaits it).
 */
export async function evaluate(
  model: Autoencoder,
  dataset: Dataset,
  config: TrainConfig,
): Promise<Evaluation> {
  const { train, val } = dataset;
  const pixels = model.spec.imageSize * model.spec.imageSize;
  const valCodes = new Float32Array(2 * val.count);
  await inSlices(val.count, (start, rows) => {
    const images = val.images.subarray(start * pixels, (start + rows) * pixels);
    valCodes.set(encodeImages(model, images, rows), 2 * start);
  });
  const scored = Math.min(val.count, SCORED_VAL_IMAGES);
  const valRecon = new Float32Array(scored * pixels);
  let lossSum = 0;
  await inSlices(scored, (start, rows) => {
    const part = sliceOf(val, start, rows, pixels);
    const { recon, loss } = reconstructAndScore(model, part, rows, config);
    valRecon.set(recon, start * pixels);
    lossSum += loss * rows;
  });
  const looked = Math.min(train.count, KNN_TRAIN_CODES);
  const trainCodes = new Float32Array(2 * looked);
  await inSlices(looked, (start, rows) => {
    const images = train.images.subarray(start * pixels, (start + rows) * pixels);
    trainCodes.set(encodeImages(model, images, rows), 2 * start);
  });
  const metrics = computeMetrics({
    valImages: val.images.subarray(0, scored * pixels),
    valRecon,
    valCodes,
    valFactors: val.factors,
    trainCodes,
    trainFactors: train.factors.subarray(0, 2 * looked),
  });
  return { metrics, valCodes, lossVal: scored > 0 ? lossSum / scored : Number.NaN };
}

/** Rows [start, start + rows) of a split, as views. */
function sliceOf(split: DatasetSplit, start: number, rows: number, pixels: number): DatasetSplit {
  return {
    images: split.images.subarray(start * pixels, (start + rows) * pixels),
    factors: split.factors.subarray(2 * start, 2 * (start + rows)),
    count: rows,
  };
}

/**
 * The first `count` images of a split through the model, in chunks of EVAL_CHUNK rows: their
 * reconstructions and the training loss on them (vae: on the means, without sampling), from the
 * same forward pass. Every term of the loss is a mean over rows, so the row-weighted mean of the
 * chunks' losses is the loss of all `count`; why chunks: at the config limits one tensor of them
 * all would hold hundreds of MB, several alive at once.
 */
export function reconstructAndScore(
  model: Autoencoder,
  split: DatasetSplit,
  count: number,
  config: TrainConfig,
): { recon: Float32Array; loss: number } {
  const pixels = model.spec.imageSize * model.spec.imageSize;
  const recon = new Float32Array(count * pixels);
  let weightedSum = 0;
  for (let start = 0; start < count; start += EVAL_CHUNK) {
    const rows = Math.min(EVAL_CHUNK, count - start);
    const [loss, decoded] = tf.tidy(() => {
      const x = tf.tensor2d(split.images.subarray(start * pixels, (start + rows) * pixels), [rows, pixels]);
      const f = tf.tensor2d(split.factors.subarray(2 * start, 2 * (start + rows)), [rows, 2]);
      const terms = lossOf(model, x, f, config, null);
      return [terms.total, terms.decoded];
    });
    weightedSum += (loss!.dataSync()[0] ?? Number.NaN) * rows;
    readInto(decoded!, recon, start * pixels);
    tf.dispose([loss!, decoded!]);
  }
  return { recon, loss: count > 0 ? weightedSum / count : Number.NaN };
}
