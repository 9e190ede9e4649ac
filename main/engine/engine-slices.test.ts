// Large requests in slices (slices.ts), through the real worker: a small decode is answered while a
// large one is still being computed, and a large one whose model is replaced meanwhile still ends.
import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { resolve } from 'node:path';
import { type EngineWithDiagnostics, createEngine } from './engine';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { EngineCore } from './engine-core';
import { inSlices, SLICE_ROWS } from './slices';

const WORKER = 'dist/main/worker.cjs';
const BUNDLED = resolve('assets/models/aligned');
const engines: EngineWithDiagnostics[] = [];

afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.dispose()));
});

async function engineWithModel(): Promise<EngineWithDiagnostics> {
  const engine = await createEngine({ workerPath: WORKER });
  engines.push(engine);
  await engine.loadModelDir(BUNDLED, 'bundled', 'aligned');
  return engine;
}

describe('inSlices', () => {
  it('runs every row once, in order, and yields to the event loop between slices', async () => {
    const seen: Array<[number, number]> = [];
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const immediates: number[] = [];
    await inSlices(
      1000,
      (start, rows) => {
        seen.push([start, rows]);
        setImmediate(() => immediates.push(start));
      },
      { sliceRows: 300 },
    );
    clearInterval(ticker);
    expect(seen).toEqual([
      [0, 300],
      [300, 300],
      [600, 300],
      [900, 100],
    ]);
    // What a slice queued ran before the next slice: the event loop turned in between.
    expect(immediates).toEqual([0, 300, 600]);
  });
});

describe('sliced requests in the worker', () => {
  it('answers a one-image decode while a 4,096-image decode is still in slices', async () => {
    const engine = await engineWithModel();
    const big = new Float32Array(2 * 4096).map((_, i) => ((i % 13) - 6) / 6);
    expect(4096).toBeGreaterThan(4 * SLICE_ROWS);
    const order: string[] = [];
    const bigDone = engine.decode(big).then((images) => {
      order.push('big');
      return images;
    });
    const smallDone = engine.decode(new Float32Array([0.2, -0.3])).then((image) => {
      order.push('small');
      return image;
    });
    const [images, image] = await Promise.all([bigDone, smallDone]);
    expect(order).toEqual(['small', 'big']);
    expect(images.length).toBe(4096 * 1024);
    // The slices give the same pixels as one decode of the same codes.
    const again = await engine.decode(big.slice(0, 2 * 64));
    expect(Array.from(images.subarray(0, 64 * 1024))).toEqual(Array.from(again));
    expect(image.length).toBe(1024);
  });

  it('finishes a large decode on the model it was asked of when that model is replaced meanwhile', async () => {
    const emitted: string[] = [];
    const core = new EngineCore((event) => emitted.push(event));
    await core.init();
    await core.train({ ...DEFAULT_TRAIN_CONFIG, datasetSize: 200, epochs: 1, batchSize: 40 }, 'run-1');
    while (!emitted.includes('finished')) await new Promise((r) => setTimeout(r, 10));
    const bundle = await core.exportBundle();
    const codes = new Float32Array(2 * 4 * SLICE_ROWS).map((_, i) => ((i % 9) - 4) / 4);
    const firstRows = await core.decode(codes.slice(0, 2 * 64));
    const before = tf.memory().numTensors;
    // The decode computes its first slice, then yields; the import replaces the model before the
    // second slice. Before, the decode was refused; now it answers whole for the model it began on.
    const decoding = core.decode(codes);
    await core.importBundle(bundle);
    const images = await decoding;
    expect(images.length).toBe(4 * SLICE_ROWS * 1024);
    expect(Array.from(images.subarray(0, 64 * 1024))).toEqual(Array.from(firstRows));
    // The replaced model is disposed once its decode is done: no tensors are left behind.
    expect(tf.memory().numTensors).toBe(before);
    expect((await core.decode(new Float32Array([0, 0]))).length).toBe(1024);
  });
});
