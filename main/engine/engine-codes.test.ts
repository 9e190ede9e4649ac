// 'model:codes' through the real worker: a split of the current model's own dataset, encoded on
// the current weights, with the true factors and (VAE only) the log-variances.
import { afterEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { generateDataset } from '../../shared/dataset';
import { THRESHOLD_CODES } from '../../shared/judge';
import { disentanglement } from '../../shared/disentangle';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../shared/train-config';
import { type EngineWithDiagnostics, createEngine } from './engine';

const WORKER = 'dist/main/worker.cjs';
const BUNDLED = resolve('assets/models/aligned');
/** 200 images: 160 train, 40 validation; enough epochs that a run is still going when asked. */
const TINY_VAE: TrainConfig = {
  ...DEFAULT_TRAIN_CONFIG,
  kind: 'vae',
  datasetSize: 200,
  epochs: 50,
  batchSize: 40,
};
const engines: EngineWithDiagnostics[] = [];

async function newEngine(): Promise<EngineWithDiagnostics> {
  const engine = await createEngine({ workerPath: WORKER });
  engines.push(engine);
  return engine;
}

afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.dispose()));
});

describe('engine codes of a split', () => {
  it('answers no-model without a model', async () => {
    const engine = await newEngine();
    await expect(engine.codes('train')).rejects.toThrow(/No model is loaded yet/);
  });

  it("encodes the bundled AE's own train and validation splits, with their true factors and no log-variances", async () => {
    const engine = await newEngine();
    const state = await engine.loadModelDir(BUNDLED, 'bundled', 'aligned');
    const { datasetSize, imageSize, seed, valFraction } = state.info.config;
    const dataset = generateDataset({ count: datasetSize, imageSize, seed, valFraction });
    const before = await engine.numTensors();

    const train = await engine.codes('train');
    expect(train.split).toBe('train');
    expect(train.count).toBe(dataset.train.count);
    expect(train.codes.length).toBe(2 * dataset.train.count);
    expect(train.factors).toEqual(dataset.train.factors);
    expect(train.logVar).toBeNull();
    expect(train.codes.every(Number.isFinite)).toBe(true);
    // The same images encoded one by one give the same codes.
    const first = await engine.encode(dataset.train.images.slice(0, 3 * imageSize ** 2), 3);
    expect(train.codes.subarray(0, 6)).toEqual(first);

    // Saved before the scores existed, the bundled model gets them from its codes as it opens.
    expect(state.info.metrics?.disentanglement).toEqual(
      disentanglement(state.points.codes, state.points.factors),
    );

    const val = await engine.codes('val');
    expect(val.count).toBe(dataset.val.count);
    expect(val.codes).toEqual(state.points.codes); // the map's points are the validation codes
    expect(val.factors).toEqual(state.points.factors);
    // Reconstruction errors for the threshold: train has none; val's first THRESHOLD_CODES images
    // (all 800 here) measured as decode(code) against the image itself.
    expect(train.reconMse).toBeNull();
    const measured = Math.min(val.count, THRESHOLD_CODES);
    expect(val.reconMse?.length).toBe(measured);
    const pixels = imageSize ** 2;
    for (const i of [0, 7, measured - 1]) {
      const recon = await engine.decode(val.codes.slice(2 * i, 2 * i + 2));
      const truth = dataset.val.images.subarray(i * pixels, (i + 1) * pixels);
      const mse = recon.reduce((sum, v, k) => sum + (v - (truth[k] as number)) ** 2, 0) / pixels;
      expect(val.reconMse![i]).toBeCloseTo(mse, 6);
    }
    expect(await engine.numTensors()).toBe(before);
  });

  it("returns a VAE's log-variances beside its codes, also while it trains", async () => {
    const engine = await newEngine();
    const epoch = new Promise<void>((done) => engine.on('epoch', () => done()));
    await engine.train(TINY_VAE);
    await epoch;
    expect(engine.isTraining()).toBe(true);
    const train = await engine.codes('train');
    expect(train.count).toBe(160);
    expect(train.logVar).not.toBeNull();
    expect(train.logVar!.length).toBe(train.codes.length);
    expect(train.logVar!.every(Number.isFinite)).toBe(true);
    const val = await engine.codes('val');
    expect(val.count).toBe(40);
    expect(val.logVar!.length).toBe(80);
    await engine.stop();
  });
});
