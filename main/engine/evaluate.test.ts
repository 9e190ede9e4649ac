import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { type DatasetSplit, generateDataset } from '../../shared/dataset';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../shared/train-config';
import { initBackend } from './backend';
import { computeMetrics } from '../../shared/stats';
import {
  EVAL_CHUNK,
  KNN_TRAIN_CODES,
  SCORED_VAL_IMAGES,
  decodeCodes,
  encodeImages,
  evaluate,
  reconstructAndScore,
} from './evaluate';
import { buildAutoencoder, disposeModel, lossOf } from './model';

const PIXELS = 32 * 32;

beforeAll(async () => {
  await initBackend();
});

/** Rows [start, end) of a split. */
function rows(split: DatasetSplit, start: number, end: number): DatasetSplit {
  return {
    images: split.images.subarray(start * PIXELS, end * PIXELS),
    factors: split.factors.subarray(2 * start, 2 * end),
    count: end - start,
  };
}

describe('reconstructAndScore', () => {
  it('scores a split larger than one chunk like the whole split at once (every loss term)', () => {
    // One full chunk of cylinders, then 500 blank images: the two chunks score far apart, so a
    // chunk left out or chunks averaged without their row counts would show.
    const { val: cylinders } = generateDataset({ count: 1400, imageSize: 32, seed: 3, valFraction: 0.8 });
    const count = EVAL_CHUNK + 500;
    const val: DatasetSplit = {
      images: new Float32Array(count * PIXELS),
      factors: new Float32Array(2 * count).fill(0.5),
      count,
    };
    val.images.set(cylinders.images.subarray(0, EVAL_CHUNK * PIXELS));
    val.factors.set(cylinders.factors.subarray(0, 2 * EVAL_CHUNK));
    const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, kind: 'vae', beta: 1, align: 0.5 };
    const model = buildAutoencoder({ imageSize: 32, kind: 'vae', hidden: [32, 8] }, 4);
    const whole = tf.tidy(() => {
      const x = tf.tensor2d(val.images, [count, PIXELS]);
      const f = tf.tensor2d(val.factors, [count, 2]);
      return lossOf(model, x, f, config, null).total.dataSync()[0]!;
    });

    const before = tf.memory().numTensors;
    const { loss: chunked, recon } = reconstructAndScore(model, val, count, config);
    expect(tf.memory().numTensors).toBe(before);
    // float32 sums over a million pixels differ by about 1e-4 relative between the two orders.
    const tolerance = 1e-3 * whole;
    expect(Math.abs(chunked - whole)).toBeLessThan(tolerance);

    // The reconstructions are those of the mean codes (what the map and NMSE use).
    const viaCodes = decodeCodes(model, encodeImages(model, val.images, count));
    let worst = 0;
    for (let i = 0; i < recon.length; i++) worst = Math.max(worst, Math.abs(recon[i]! - viaCodes[i]!));
    expect(recon).toHaveLength(count * PIXELS);
    expect(worst).toBeLessThan(1e-5);

    const first = reconstructAndScore(model, rows(val, 0, EVAL_CHUNK), EVAL_CHUNK, config).loss;
    const second = reconstructAndScore(model, rows(val, EVAL_CHUNK, count), 500, config).loss;
    expect(Math.abs(first - whole)).toBeGreaterThan(10 * tolerance);
    expect(Math.abs((first + second) / 2 - whole)).toBeGreaterThan(10 * tolerance);
    disposeModel(model);
  });
});

describe('evaluate', () => {
  it(`encodes every validation image but scores the first ${SCORED_VAL_IMAGES} and looks up ${KNN_TRAIN_CODES} training codes`, async () => {
    const dataset = generateDataset({ count: 12_000, imageSize: 32, seed: 5, valFraction: 0.25 });
    const { train, val } = dataset;
    expect(val.count).toBeGreaterThan(SCORED_VAL_IMAGES);
    expect(train.count).toBeGreaterThan(KNN_TRAIN_CODES);
    const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, datasetSize: 12_000, valFraction: 0.25 };
    const model = buildAutoencoder({ imageSize: 32, kind: 'ae', hidden: [32, 8] }, 2);

    const before = tf.memory().numTensors;
    const result = await evaluate(model, dataset, config);
    expect(tf.memory().numTensors).toBe(before);

    const valCodes = encodeImages(model, val.images, val.count);
    expect(Array.from(result.valCodes)).toEqual(Array.from(valCodes));
    const scored = SCORED_VAL_IMAGES * PIXELS;
    const expected = computeMetrics({
      valImages: val.images.subarray(0, scored),
      valRecon: decodeCodes(model, valCodes.subarray(0, 2 * SCORED_VAL_IMAGES)),
      valCodes,
      valFactors: val.factors,
      trainCodes: encodeImages(model, train.images, KNN_TRAIN_CODES),
      trainFactors: train.factors.subarray(0, 2 * KNN_TRAIN_CODES),
    });
    expect(result.metrics.valNmse).toBeCloseTo(expected.valNmse, 5);
    expect(result.metrics.knnR2).toEqual(expected.knnR2);
    expect(result.metrics.spearman).toEqual(expected.spearman);
    expect(result.metrics.latentBounds).toEqual(expected.latentBounds);
    const firstLoss = reconstructAndScore(model, val, SCORED_VAL_IMAGES, config).loss;
    // Scored in slices of 256: the backend's float32 mean over a million pixels at once drifts from
    // the slices' mean by up to ~2e-3 relative (measured 1.5e-3).
    expect(Math.abs(result.lossVal - firstLoss)).toBeLessThan(5e-3 * firstLoss);
    disposeModel(model);
  });
});
