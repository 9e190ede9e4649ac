import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { type DatasetSplit, generateDataset } from '../../shared/dataset';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../shared/train-config';
import { initBackend } from './backend';
import { EVAL_CHUNK, validationLoss } from './evaluate';
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

describe('validationLoss', () => {
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
    const chunked = validationLoss(model, val, config);
    expect(tf.memory().numTensors).toBe(before);
    // float32 sums over a million pixels differ by about 1e-4 relative between the two orders.
    const tolerance = 1e-3 * whole;
    expect(Math.abs(chunked - whole)).toBeLessThan(tolerance);

    const first = validationLoss(model, rows(val, 0, EVAL_CHUNK), config);
    const second = validationLoss(model, rows(val, EVAL_CHUNK, count), config);
    expect(Math.abs(first - whole)).toBeGreaterThan(10 * tolerance);
    expect(Math.abs((first + second) / 2 - whole)).toBeGreaterThan(10 * tolerance);
    disposeModel(model);
  });
});
