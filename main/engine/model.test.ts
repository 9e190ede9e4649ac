import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from './backend';
import {
  buildAutoencoder,
  decode,
  disposeModel,
  encode,
  factorsToLatent,
  layerPlan,
  lossOf,
  normalNoise,
  variablesOf,
} from './model';
import { createRng } from '../../shared/random';

beforeAll(async () => {
  await initBackend();
});

describe('autoencoder model', () => {
  for (const kind of ['ae', 'vae'] as const) {
    for (const imageSize of [32, 64]) {
      it(`${kind} ${imageSize}px: encoder gives [B, 2] codes, decoder [B, s²] images in [0, 1]`, async () => {
        const model = buildAutoencoder({ imageSize, kind, hidden: [32, 8] }, 1);
        const pixels = imageSize * imageSize;
        const { mean, logVar, images } = tf.tidy(() => {
          const { mean, logVar } = encode(model, tf.randomUniform([5, pixels]) as tf.Tensor2D);
          return { mean, logVar: logVar ?? tf.zeros([0]), images: decode(model, mean) };
        });
        expect(mean.shape).toEqual([5, 2]);
        expect(logVar.shape).toEqual(kind === 'vae' ? [5, 2] : [0]);
        expect(images.shape).toEqual([5, pixels]);
        const px = await images.data();
        expect(Math.min(...px)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...px)).toBeLessThanOrEqual(1);
        tf.dispose([mean, logVar, images]);
        disposeModel(model);
      });
    }
  }

  it('names layers like the saved topology and mirrors the encoder', () => {
    expect(
      layerPlan({ imageSize: 32, kind: 'vae', hidden: [256, 64] }).map(
        (l) => `${l.name}:${l.units.join('x')}`,
      ),
    ).toEqual([
      'enc_1:1024x256',
      'enc_2:256x64',
      'z_mean:64x2',
      'z_log_var:64x2',
      'dec_1:2x64',
      'dec_2:64x256',
      'recon:256x1024',
    ]);
  });

  it('initialises deterministically from the seed', async () => {
    const a = buildAutoencoder({ imageSize: 32, kind: 'ae', hidden: [16, 8] }, 7);
    const b = buildAutoencoder({ imageSize: 32, kind: 'ae', hidden: [16, 8] }, 7);
    const c = buildAutoencoder({ imageSize: 32, kind: 'ae', hidden: [16, 8] }, 8);
    const first = async (m: typeof a): Promise<number[]> =>
      Array.from(await variablesOf(m)[0]!.data()).slice(0, 20);
    expect(await first(a)).toEqual(await first(b));
    expect(await first(a)).not.toEqual(await first(c));
    [a, b, c].forEach(disposeModel);
  });

  it('maps factors to the alignment target 2·(f − 0.5)', async () => {
    const z = factorsToLatent(tf.tensor2d([0, 1, 0.5, 0.25], [2, 2]));
    expect(Array.from(await z.data())).toEqual([-1, 1, 0, -0.5]);
    z.dispose();
  });

  it('adds the alignment and KL terms only when weighted', async () => {
    const model = buildAutoencoder({ imageSize: 32, kind: 'vae', hidden: [16, 8] }, 1);
    const rng = createRng(1);
    const values = tf.tidy(() => {
      const x = tf.randomUniform([4, 1024], 0, 1, 'float32', 3) as tf.Tensor2D;
      const f = tf.tensor2d([0, 0, 1, 1, 0, 1, 1, 0], [4, 2]);
      const noise = normalNoise(4, rng);
      const plain = lossOf(model, x, f, { beta: 0, align: 0 }, noise);
      const aligned = lossOf(model, x, f, { beta: 0, align: 10 }, noise);
      return [plain.total, plain.recon, aligned.total].map((t) => t.dataSync()[0]!);
    });
    expect(values[0]).toBeCloseTo(values[1]!, 6);
    expect(values[2]!).toBeGreaterThan(values[0]! + 1);
    disposeModel(model);
  });

  it('leaks no tensors across a training step and a decode', () => {
    const model = buildAutoencoder({ imageSize: 32, kind: 'vae', hidden: [16, 8] }, 1);
    const optimizer = tf.train.adam(0.001);
    const vars = variablesOf(model);
    const step = (): void =>
      tf.tidy(() => {
        const x = tf.randomUniform([8, 1024]) as tf.Tensor2D;
        optimizer.minimize(
          () => lossOf(model, x, null, { beta: 1, align: 0 }, normalNoise(8, Math.random)).total,
          false,
          vars,
        );
      });
    step(); // creates the optimizer's slots
    const before = tf.memory().numTensors;
    step();
    tf.tidy(() => decode(model, tf.zeros([3, 2]))).dispose();
    expect(tf.memory().numTensors).toBe(before);
    optimizer.dispose();
    disposeModel(model);
  });
});
