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
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../shared/train-config';
import { applyGradients, trainStep } from './train-step';

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

  it('adds the KL term only when β > 0 (scaled by β) and the alignment term only when λ > 0', () => {
    const vae = buildAutoencoder({ imageSize: 32, kind: 'vae', hidden: [16, 8] }, 1);
    const ae = buildAutoencoder({ imageSize: 32, kind: 'ae', hidden: [16, 8] }, 1);
    const rng = createRng(1);
    const [plain, kl50, kl100, align10, align20, aeWithBeta] = tf.tidy(() => {
      const x = tf.randomUniform([4, 1024], 0, 1, 'float32', 3) as tf.Tensor2D;
      const f = tf.tensor2d([0, 0, 1, 1, 0, 1, 1, 0], [4, 2]);
      const noise = normalNoise(4, rng);
      const terms = (model: typeof vae, beta: number, align: number) => {
        const { total, recon } = lossOf(model, x, f, { beta, align }, noise);
        return { total: total.dataSync()[0]!, recon: recon.dataSync()[0]! };
      };
      return [
        terms(vae, 0, 0),
        terms(vae, 50, 0),
        terms(vae, 100, 0),
        terms(vae, 0, 10),
        terms(vae, 0, 20),
        terms(ae, 100, 0),
      ];
    });
    expect(plain.total).toBe(plain.recon);
    expect(kl50.recon).toBe(plain.recon); // same noise, same reconstruction
    expect(kl50.total).toBeGreaterThan(kl50.recon);
    expect((kl100.total - plain.recon) / (kl50.total - plain.recon)).toBeCloseTo(2, 2);
    expect(align10.total).toBeGreaterThan(plain.recon + 1);
    expect((align20.total - plain.recon) / (align10.total - plain.recon)).toBeCloseTo(2, 4);
    expect(aeWithBeta.total).toBe(aeWithBeta.recon); // an ae has no KL term
    disposeModel(vae);
    disposeModel(ae);
  });

  it('leaks no tensors across a training step (trainStep + applyGradients) and a decode', async () => {
    const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, kind: 'vae', align: 1 };
    const model = buildAutoencoder({ imageSize: 32, kind: 'vae', hidden: [16, 8] }, 1);
    const optimizer = tf.train.adam(0.001);
    const vars = variablesOf(model);
    const rng = createRng(2);
    const xBatch = new Float32Array(8 * 1024).map(() => rng());
    const fBatch = new Float32Array(8 * 2).map(() => rng());
    const step = (): number => {
      const { loss, grads } = trainStep(model, vars, xBatch, fBatch, config, rng);
      applyGradients(optimizer, grads);
      return loss;
    };
    step(); // creates the optimizer's slots
    const before = tf.memory().numTensors;
    const weightsBefore = Array.from(await vars[0]!.data());
    expect(Number.isFinite(step())).toBe(true);
    tf.tidy(() => decode(model, tf.zeros([3, 2]))).dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(await vars[0]!.data())).not.toEqual(weightsBefore); // the step did update
    optimizer.dispose();
    disposeModel(model);
  });
});
