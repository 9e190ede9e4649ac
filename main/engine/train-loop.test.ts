import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import type { TrainEpoch, TrainProgress } from '../../shared/api';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../shared/train-config';
import { type Dataset, generateDataset } from '../../shared/dataset';
import { initBackend } from './backend';
import { type Autoencoder, buildAutoencoder, disposeModel, variablesOf } from './model';
import {
  INTERACTIVE_MS,
  INTERACTIVE_REST_MS,
  PROGRESS_INTERVAL_MS,
  TrainControl,
  TrainingDivergedError,
  runTraining,
} from './train-loop';
import { vi } from 'vitest';
import { InteractionClock, sharedNow } from './interaction-clock';

const SMALL: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, datasetSize: 500, epochs: 2, batchSize: 50 };
let dataset: Dataset;

beforeAll(async () => {
  await initBackend();
  dataset = generateDataset({
    count: SMALL.datasetSize,
    imageSize: 32,
    seed: 1,
    valFraction: SMALL.valFraction,
  });
});

function smallModel(config: TrainConfig = SMALL): Autoencoder {
  return buildAutoencoder({ imageSize: 32, kind: config.kind, hidden: [64, 16] }, config.seed);
}

async function weights(model: Autoencoder): Promise<number[]> {
  return (await Promise.all(variablesOf(model).map((v) => v.data()))).flatMap((d) => Array.from(d));
}

describe('interaction', () => {
  it('counts as interacting for INTERACTIVE_MS after the last small decode', () => {
    const control = new TrainControl();
    expect(control.interactive(0)).toBe(false);
    control.noteInteraction(1000);
    expect(control.interactive(1000 + INTERACTIVE_MS - 1)).toBe(true);
    expect(control.interactive(1000 + INTERACTIVE_MS)).toBe(false);
  });

  it('also counts interactions another thread notes in the shared clock (the engine client, for the mirror)', async () => {
    const noted = new InteractionClock();
    // The worker's view of the same memory, as worker.ts builds it from workerData.
    const control = new TrainControl(new InteractionClock(noted.buffer));
    expect(control.interactive()).toBe(false);
    noted.note();
    expect(control.interactive()).toBe(true);
    noted.note(sharedNow() - INTERACTIVE_MS - 1);
    expect(control.interactive()).toBe(false);
    // Across a real thread boundary: a worker writes, this thread reads.
    const { Worker } = await import('node:worker_threads');
    const writer = new Worker(
      'const { workerData } = require("node:worker_threads"); new Float64Array(workerData)[0] = performance.timeOrigin + performance.now();',
      { eval: true, workerData: noted.buffer },
    );
    await new Promise((resolve) => writer.on('exit', resolve));
    expect(noted.since()).toBeLessThan(INTERACTIVE_MS);
    expect(control.interactive()).toBe(true);
    expect(() => new InteractionClock(new SharedArrayBuffer(4))).toThrow(/8 bytes/);
  });

  it('rests between steps while someone interacts, and only then', async () => {
    const rests = (): number => timeout.mock.calls.filter(([, ms]) => ms === INTERACTIVE_REST_MS).length;
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    try {
      const run = async (control: TrainControl): Promise<void> => {
        const model = smallModel();
        await runTraining({ runId: 'r', config: { ...SMALL, epochs: 1 }, dataset, model, control });
        disposeModel(model);
      };
      await run(new TrainControl());
      expect(rests()).toBe(0);
      const busy = new TrainControl();
      busy.interactive = () => true; // someone drags throughout
      await run(busy);
      expect(rests()).toBe(8); // one rest before each of the epoch's 8 steps
    } finally {
      timeout.mockRestore();
    }
  });
});

/** Trains a fresh small model with `config` and returns what it reported. */
async function trainRecorded(
  config: TrainConfig,
): Promise<{ progress: TrainProgress[]; epochs: TrainEpoch[] }> {
  const model = smallModel(config);
  const progress: TrainProgress[] = [];
  const epochs: TrainEpoch[] = [];
  try {
    await runTraining({
      runId: 'r',
      config,
      dataset,
      model,
      control: new TrainControl(),
      onProgress: (p) => progress.push(p),
      onEpoch: (e) => epochs.push(e),
    });
  } finally {
    disposeModel(model);
  }
  return { progress, epochs };
}

describe('the loss and its terms (reconstruction, KL, alignment)', () => {
  it('adds up: lossTrain = lossRecon + β·lossKl + λ·lossAlign, the KL split by dimension in nats', async () => {
    const { progress, epochs } = await trainRecorded({
      ...SMALL,
      kind: 'vae',
      beta: 3,
      align: 0.5,
      epochs: 1,
    });
    const reports = [...progress.filter((p) => p.terms), ...epochs];
    expect(reports.length).toBeGreaterThan(1);
    const pixels = dataset.imageSize ** 2;
    for (const r of reports) {
      const t = r.terms!;
      expect(Math.abs(t.lossRecon + 3 * t.lossKl + 0.5 * t.lossAlign - r.lossTrain)).toBeLessThan(1e-6);
      expect(t.klPerDim).toHaveLength(2);
      expect(t.klPerDim.reduce((a, b) => a + b, 0) / pixels).toBeCloseTo(t.lossKl, 9);
      expect(t.klPerDim.every((kl) => kl >= 0)).toBe(true);
    }
    expect(epochs[0]!.terms!.lossKl).toBeGreaterThan(0);
  });

  it('an autoencoder at λ = 0 has no KL and no alignment term: its loss is its reconstruction', async () => {
    const { epochs } = await trainRecorded({ ...SMALL, epochs: 1 });
    const t = epochs[0]!.terms!;
    expect(t.lossKl).toBe(0);
    expect(t.klPerDim).toEqual([0, 0]);
    expect(t.lossRecon).toBeCloseTo(epochs[0]!.lossTrain, 6);
    expect(t.lossAlign).toBe(0);
  });

  it('the rate (KL) falls as β rises, on the default seed', async () => {
    const rate = async (beta: number): Promise<number> => {
      const { epochs } = await trainRecorded({ ...SMALL, kind: 'vae', beta, epochs: 3 });
      return epochs.at(-1)!.terms!.klPerDim.reduce((a, b) => a + b, 0);
    };
    const [low, mid, high] = [await rate(0.1), await rate(1), await rate(10)];
    expect(low).toBeGreaterThan(mid);
    expect(mid).toBeGreaterThan(high);
  });
});

describe('training loop', () => {
  it('reports progress and an epoch summary per epoch with metrics and validation codes', async () => {
    const model = smallModel();
    const progress: TrainProgress[] = [];
    const epochs: TrainEpoch[] = [];
    const outcome = await runTraining({
      runId: 'r',
      config: SMALL,
      dataset,
      model,
      control: new TrainControl(),
      onProgress: (p) => progress.push(p),
      onEpoch: (e) => epochs.push(e),
    });
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(epochs[1]!.codes.length).toBe(2 * dataset.val.count);
    expect(Number.isFinite(epochs[1]!.metrics.valNmse)).toBe(true);
    const ends = progress.filter((p) => p.step === p.stepsPerEpoch);
    expect(ends.map((p) => p.epoch)).toEqual([1, 2]);
    expect(ends[1]!.lossVal).toBeCloseTo(epochs[1]!.lossVal, 10);
    expect(progress[0]!.lossVal).toBeNull();
    expect(progress.every((p) => p.runId === 'r' && p.stepsPerEpoch === 8 && p.samplesPerSecond > 0)).toBe(
      true,
    );
    expect(outcome).toMatchObject({ stopped: false, epochsTrained: 2 });
    disposeModel(model);
  });

  /** A run of `epochs` on a clock that `msPerStep` advances before each step; reports with their times. */
  async function throttledRun(epochs: number, msPerStep: number) {
    const model = smallModel();
    let time = 0;
    const reports: { at: number; progress: TrainProgress }[] = [];
    await runTraining({
      runId: 'r',
      config: { ...SMALL, epochs },
      dataset,
      model,
      control: new TrainControl(),
      clock: () => time,
      beforeStep: () => (time += msPerStep),
      onProgress: (progress) => reports.push({ at: time, progress }),
    });
    disposeModel(model);
    const isEnd = (p: TrainProgress): boolean => p.step === p.stepsPerEpoch;
    return {
      totalMs: time,
      reports,
      ends: reports.filter((r) => isEnd(r.progress)).map((r) => r.progress.epoch),
      between: reports.filter((r) => !isEnd(r.progress)),
    };
  }

  it('throttles progress to one report per PROGRESS_INTERVAL_MS of its clock, plus one per epoch end', async () => {
    const { totalMs, reports, ends, between } = await throttledRun(3, 30); // 8 steps of 30 ms per epoch
    expect(ends).toEqual([1, 2, 3]);
    let last = -Infinity;
    for (const { at, progress } of reports) {
      if (progress.step < progress.stepsPerEpoch)
        expect(at - last).toBeGreaterThanOrEqual(PROGRESS_INTERVAL_MS);
      last = at;
    }
    expect(between.length).toBeLessThanOrEqual(Math.floor(totalMs / PROGRESS_INTERVAL_MS) + 1);
    // …and still reports within every epoch (an epoch lasts 240 ms here).
    expect(new Set(between.map((r) => r.progress.epoch))).toEqual(new Set([1, 2, 3]));
  });

  it('sends only the first report and the epoch ends when steps take no time at all', async () => {
    const { reports, ends, between } = await throttledRun(3, 0);
    expect(ends).toEqual([1, 2, 3]);
    expect(between.map((r) => [r.progress.epoch, r.progress.step])).toEqual([[1, 1]]);
    expect(reports).toHaveLength(4);
  });

  it('pauses (no steps while paused), resumes, and stops after the current step', async () => {
    const model = smallModel();
    const control = new TrainControl();
    const seen: TrainProgress[] = [];
    let reportsWhilePaused = -1;
    let resumed = false;
    const outcome = await runTraining({
      runId: 'r',
      config: { ...SMALL, epochs: 50 },
      dataset,
      model,
      control,
      onProgress: (p) => {
        seen.push(p);
        if (p.paused) {
          const at = seen.length;
          setTimeout(() => {
            reportsWhilePaused = seen.length - at;
            resumed = true;
            control.resume();
          }, 150);
        } else if (resumed) {
          control.stop();
        }
      },
      onEpoch: (e) => {
        if (e.epoch === 1) control.pause();
      },
    });
    expect(seen.filter((p) => p.paused)).toHaveLength(1);
    expect(reportsWhilePaused).toBe(0);
    expect(outcome.stopped).toBe(true);
    expect(outcome.epochsTrained).toBe(1);
    expect(seen[seen.length - 1]!.epoch).toBe(2);
    expect(outcome.final?.valCodes.length).toBe(2 * dataset.val.count);
    disposeModel(model);
  });

  it('a stop before the first epoch ends ends no epoch and evaluates nothing', async () => {
    const model = smallModel();
    const control = new TrainControl();
    const epochs: TrainEpoch[] = [];
    const outcome = await runTraining({
      runId: 'r',
      config: SMALL,
      dataset,
      model,
      control,
      beforeStep: (step) => step === 3 && control.stop(), // the fourth step of 8
      onEpoch: (e) => epochs.push(e),
    });
    expect(outcome).toMatchObject({ stopped: true, epochsTrained: 0, final: null });
    expect(epochs).toEqual([]);
    disposeModel(model);
  });

  it('stops on a NaN loss with a clear error and keeps the last good weights', async () => {
    const model = smallModel();
    const initial = await weights(model);
    const first = runTraining({
      runId: 'r',
      config: SMALL,
      dataset,
      model,
      control: new TrainControl(),
      injectNanAtStep: 0,
    });
    await expect(first).rejects.toThrow(
      /diverged \(loss became NaN or Infinity\) at epoch 1, step 1; the last good weights were kept/,
    );
    expect(await weights(model)).toEqual(initial);

    const later = runTraining({
      runId: 'r',
      config: SMALL,
      dataset,
      model,
      control: new TrainControl(),
      injectNanAtStep: 11,
    });
    const err = await later.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainingDivergedError);
    expect((err as TrainingDivergedError).epoch).toBe(2);
    const kept = await weights(model);
    expect(kept.every(Number.isFinite)).toBe(true);
    expect(kept).not.toEqual(initial);
    disposeModel(model);
  });

  it('leaves no tensors behind (vae)', async () => {
    const model = smallModel({ ...SMALL, kind: 'vae' });
    const before = tf.memory().numTensors;
    await runTraining({
      runId: 'r',
      config: { ...SMALL, epochs: 1, kind: 'vae' },
      dataset,
      model,
      control: new TrainControl(),
    });
    expect(tf.memory().numTensors).toBe(before);
    disposeModel(model);
  });

  it('a short real run reduces the loss and learns factors well above chance', async () => {
    const config: TrainConfig = {
      ...DEFAULT_TRAIN_CONFIG,
      datasetSize: 1500,
      epochs: 6,
      batchSize: 32,
      learningRate: 0.003,
    };
    const data = generateDataset({
      count: config.datasetSize,
      imageSize: 32,
      seed: 2,
      valFraction: config.valFraction,
    });
    const model = buildAutoencoder({ imageSize: 32, kind: 'ae', hidden: [128, 32] }, 2);
    const epochs: TrainEpoch[] = [];
    const outcome = await runTraining({
      runId: 'r',
      config,
      dataset: data,
      model,
      control: new TrainControl(),
      onEpoch: (e) => epochs.push(e),
    });
    expect(epochs[epochs.length - 1]!.lossVal).toBeLessThan(epochs[0]!.lossVal);
    expect(outcome.final!.metrics.valNmse).toBeLessThan(0.5);
    expect(outcome.final!.metrics.knnR2.height).toBeGreaterThan(0.6);
    expect(outcome.final!.metrics.knnR2.radius).toBeGreaterThan(0.6);
    disposeModel(model);
  });
});
