import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../shared/random';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { initBackend } from './backend';
import { FusedAdam } from './fused-adam';
import {
  type Autoencoder,
  type ModelSpec,
  buildAutoencoder,
  disposeModel,
  specOf,
  variablesOf,
} from './model';
import { applyGradients, trainStep } from './train-step';
import { WARMUP_STEPS } from './train-loop';

const config = DEFAULT_TRAIN_CONFIG;
const ROWS = config.batchSize;
const PIXELS = config.imageSize * config.imageSize;

let engineBackend = '';
beforeAll(async () => {
  engineBackend = await initBackend();
});
afterAll(async () => {
  await tf.setBackend(engineBackend);
});

/** A fixed batch: the same images and factors on every step. */
function fixedBatch(): { x: Float32Array; f: Float32Array } {
  const rng = createRng(7);
  return {
    x: new Float32Array(ROWS * PIXELS).map(() => rng()),
    f: new Float32Array(ROWS * 2).map(() => rng()),
  };
}

/** The training loop's warm-up schedule for step `step` (0-based). */
function warmupRate(step: number): number {
  return config.learningRate * Math.min(1, (step + 1) / WARMUP_STEPS);
}

function valuesOf(model: Autoencoder): Float32Array[] {
  return variablesOf(model).map((v) => v.dataSync().slice() as Float32Array);
}

function sameValues(a: tf.Tensor, b: Float32Array): boolean {
  const values = a.dataSync();
  return values.length === b.length && values.every((v, i) => v === b[i]);
}

/**
 * Trains two copies of a net (same seed) on one fixed batch for `steps` warm-up steps: one with
 * tfjs's Adam, one with FusedAdam. With `keepClones`, each step first clones the fused model's
 * weights, as the training loop does for its last good weights (on the cpu backend a clone shares
 * the variable's buffer), so the update must not write into them: the clones must keep the
 * pre-step values.
 */
function trainSideBySide(
  spec: ModelSpec,
  steps: number,
  keepClones: boolean,
): { stock: Float32Array[]; fused: Float32Array[] } {
  const { x, f } = fixedBatch();
  const stockModel = buildAutoencoder(spec, 3);
  const fusedModel = buildAutoencoder(spec, 3);
  const stockVars = variablesOf(stockModel);
  const fusedVars = variablesOf(fusedModel);
  const stock = tf.train.adam(config.learningRate);
  const fused = new FusedAdam(config.learningRate);
  let clones: tf.Tensor[] = [];
  for (let step = 0; step < steps; step++) {
    const rate = warmupRate(step);
    (stock as unknown as { learningRate: number }).learningRate = rate;
    fused.learningRate = rate;
    const a = trainStep(stockModel, stockVars, x, f, config, Math.random);
    applyGradients(stock, a.grads); // tfjs's Adam; frees the gradients
    const b = trainStep(fusedModel, fusedVars, x, f, config, Math.random);
    const before = keepClones ? valuesOf(fusedModel) : [];
    if (keepClones) {
      tf.dispose(clones);
      clones = fusedVars.map((v) => tf.clone(v));
    }
    fused.applyGradients(b.grads);
    tf.dispose(b.grads);
    expect(clones.every((c, i) => sameValues(c, before[i] as Float32Array))).toBe(true);
  }
  const result = { stock: valuesOf(stockModel), fused: valuesOf(fusedModel) };
  tf.dispose(clones);
  stock.dispose();
  fused.dispose();
  disposeModel(stockModel);
  disposeModel(fusedModel);
  return result;
}

function randomValues(shape: number[], rng: () => number): Float32Array {
  return new Float32Array(shape.reduce((a, b) => a * b, 1)).map(() => 2 * rng() - 1);
}

/** Largest |a − b| over all weights, relative to the largest |a|. */
function relativeMaxDiff(a: Float32Array[], b: Float32Array[]): number {
  let diff = 0;
  let scale = 0;
  a.forEach((values, k) => {
    const other = b[k] as Float32Array;
    values.forEach((v, i) => {
      diff = Math.max(diff, Math.abs(v - (other[i] as number)));
      scale = Math.max(scale, Math.abs(v));
    });
  });
  return diff / scale;
}

function initialWeights(spec: ModelSpec): Float32Array[] {
  const model = buildAutoencoder(spec, 3);
  const values = valuesOf(model);
  disposeModel(model);
  return values;
}

describe.each(['engine', 'cpu'] as const)('FusedAdam on the %s backend', (which) => {
  // The default net on the engine's backend; a narrower one on the (slow) cpu fallback.
  const spec: ModelSpec = which === 'cpu' ? { ...specOf(config), hidden: [32, 8] } : specOf(config);
  beforeAll(async () => {
    await tf.setBackend(which === 'cpu' ? 'cpu' : engineBackend);
  });

  it.each([
    ['alone', false],
    ['while clones share its buffers', true],
  ] as const)('matches tf.train.adam over 50 warm-up steps (weights %s)', (_label, keepClones) => {
    const probe = new FusedAdam(1);
    expect(probe.path).toBe(which === 'engine' ? 'wasm-simd' : 'js');
    probe.dispose();
    const { stock, fused } = trainSideBySide(spec, 50, keepClones);
    expect(relativeMaxDiff(stock, fused)).toBeLessThan(1e-5);
    // Both moved far from the start, so a no-op update could not pass.
    expect(relativeMaxDiff(initialWeights(spec), fused)).toBeGreaterThan(1e-2);
  });

  it('matches tf.train.adam on sizes that are not a multiple of four (the kernel scalar tail)', () => {
    const shapes = [[1], [3], [7], [3, 5]];
    const rng = createRng(11);
    const start = shapes.map((shape) => tf.randomUniform(shape, -1, 1, 'float32', 5));
    const stockVars = start.map((t) => tf.variable(t));
    const fusedVars = start.map((t) => tf.variable(t));
    const stock = tf.train.adam(0.05);
    const fused = new FusedAdam(0.05);
    for (let step = 0; step < 20; step++) {
      const gradients = shapes.map((shape) => tf.tensor(randomValues(shape, rng), shape));
      tf.tidy(() => stock.applyGradients(stockVars.map((v, i) => ({ name: v.name, tensor: gradients[i]! }))));
      fused.applyGradients(Object.fromEntries(fusedVars.map((v, i) => [v.name, gradients[i]!])));
      tf.dispose(gradients);
    }
    fusedVars.forEach((v, i) => expect(sameValues(v, stockVars[i]!.dataSync() as Float32Array)).toBe(true));
    expect(sameValues(fusedVars[2]!, start[2]!.dataSync() as Float32Array)).toBe(false);
    stock.dispose();
    fused.dispose();
    tf.dispose([...start, ...stockVars, ...fusedVars]);
  });

  it('leaks no tensors over 100 steps and frees its state on dispose', () => {
    const { x, f } = fixedBatch();
    const model = buildAutoencoder({ imageSize: 32, kind: 'ae', hidden: [16, 8] }, 1);
    const vars = variablesOf(model);
    const fused = new FusedAdam(0.01);
    let clones = vars.map((v) => tf.clone(v));
    const before = tf.memory().numTensors;
    for (let step = 0; step < 100; step++) {
      const { loss, grads } = trainStep(model, vars, x, f, config, Math.random);
      expect(Number.isFinite(loss)).toBe(true);
      // As in the training loop, clones of the weights live across some updates.
      if (step % 2 === 0) {
        tf.dispose(clones);
        clones = vars.map((v) => tf.clone(v));
      }
      fused.applyGradients(grads);
      tf.dispose(grads);
      expect(tf.memory().numTensors).toBe(before);
    }
    tf.dispose(clones);
    fused.dispose();
    disposeModel(model);
  });

  it('refuses a gradient for a variable that is not registered', () => {
    const fused = new FusedAdam(0.01);
    const grad = tf.ones([2]);
    expect(() => fused.applyGradients({ 'no/such/variable': grad })).toThrow(/no variable named/);
    grad.dispose();
    fused.dispose();
  });
});

it('refuses to run on another backend than the one it was created on', async () => {
  await tf.setBackend(engineBackend);
  const fused = new FusedAdam(0.01);
  const v = tf.variable(tf.ones([4]));
  await tf.setBackend('cpu');
  const grad = tf.ones([4]);
  expect(() => fused.applyGradients({ [v.name]: grad })).toThrow(/created on the wasm backend/);
  tf.dispose([grad, v]);
  await tf.setBackend(engineBackend);
  fused.dispose();
});
