import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../engine/backend';
import { buildAutoencoder, disposeModel, layersOf, specOf } from '../engine/model';
import { DEFAULT_TRAIN_CONFIG, trainCount } from '../../shared/train-config';
import { defaultNetSpec } from './bench-net-spec';

beforeAll(async () => {
  await initBackend();
});

describe('defaultNetSpec', () => {
  it('lists the layers the engine builds for the default config: names, shapes and activations', () => {
    const model = buildAutoencoder(specOf(DEFAULT_TRAIN_CONFIG), DEFAULT_TRAIN_CONFIG.seed);
    const built = layersOf(model).map((l) => ({
      name: l.name,
      in: l.kernel.shape[0],
      out: l.kernel.shape[1],
      activation: l.activation,
      bias: l.bias.shape[0],
    }));
    disposeModel(model);
    const spec = defaultNetSpec();
    expect(spec.layers.map((l) => ({ ...l, bias: l.out }))).toEqual(built);
    // A chain: each layer takes what the one before gives, from the image back to the image.
    expect(spec.layers[0]!.in).toBe(spec.image.pixels);
    expect(spec.layers[spec.layers.length - 1]!.out).toBe(spec.image.pixels);
  });

  it("states the optimizer tfjs's Adam actually runs with the default learning rate", () => {
    const adam = tf.train.adam(DEFAULT_TRAIN_CONFIG.learningRate);
    const live = adam.getConfig();
    adam.dispose();
    const { optimizer } = defaultNetSpec();
    expect({
      learningRate: optimizer.learningRate,
      beta1: optimizer.beta1,
      beta2: optimizer.beta2,
      epsilon: optimizer.epsilon,
    }).toEqual({
      learningRate: live['learningRate'],
      beta1: live['beta1'],
      beta2: live['beta2'],
      epsilon: live['epsilon'],
    });
  });

  it('describes the default data and batches, and leaves out loss terms the default does not use', () => {
    const c = DEFAULT_TRAIN_CONFIG;
    const spec = defaultNetSpec();
    const train = trainCount(c.datasetSize, c.valFraction);
    expect(spec.dataset).toMatchObject({ count: c.datasetSize, trainCount: train, seed: c.seed });
    expect(spec.batch).toMatchObject({ size: c.batchSize, stepsPerEpoch: Math.floor(train / c.batchSize) });
    expect(spec.loss.formula.includes('align')).toBe(c.align > 0);
    expect(defaultNetSpec({ ...c, align: 1 }).loss.formula).toContain('align');
    // The whole spec survives a JSON round trip: an outside harness reads exactly this.
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
});
