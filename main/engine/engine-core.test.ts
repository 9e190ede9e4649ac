import { describe, expect, it } from 'vitest';
import type { ModelState, TrainEpoch, TrainFailed, TrainFinished } from '../../shared/api';
import { generateDataset } from '../../shared/dataset';
import { boundsOfCodes } from '../../shared/latent-bounds';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../shared/train-config';
import type { ModelSummary } from './engine';
import { DatasetCache } from './dataset-cache';
import type { TrainControl } from './train-loop';
import { EngineCore, STOPPED_WITHOUT_MODEL, type CoreOptions } from './engine-core';
import type { WorkerEvents } from './worker-protocol';

/** 200 images: 160 train in 4 steps of 40, 40 validation. */
const TINY: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, datasetSize: 200, epochs: 1, batchSize: 40 };

type Sent = { [E in keyof WorkerEvents]: { event: E; payload: WorkerEvents[E] } }[keyof WorkerEvents];

/** An in-process core that records what it sends, in order. */
async function recordingCore(opts: CoreOptions = {}) {
  const sent: Sent[] = [];
  const waiting = new Set<() => void>();
  const core = new EngineCore((event, payload) => {
    sent.push({ event, payload } as Sent);
    for (const wake of waiting) wake();
  }, opts);
  await core.init();
  /** The next event of a kind sent from now on. */
  const next = async <E extends keyof WorkerEvents>(event: E): Promise<WorkerEvents[E]> => {
    const from = sent.length;
    for (;;) {
      const found = sent.slice(from).find((s) => s.event === event);
      if (found) return found.payload as WorkerEvents[E];
      await new Promise<void>((resolve) => {
        const wake = () => (waiting.delete(wake), resolve());
        waiting.add(wake);
      });
    }
  };
  /** The summary announced last. */
  const announced = (): ModelSummary | null => {
    const models = sent.filter((s) => s.event === 'model');
    return (models[models.length - 1]?.payload as ModelSummary | null | undefined) ?? null;
  };
  /** The event sent just before the last one of a kind. */
  const before = (event: keyof WorkerEvents): Sent | undefined =>
    sent[sent.map((s) => s.event).lastIndexOf(event) - 1];
  return { core, sent, next, announced, before };
}

function summaryOfState(state: ModelState | null): ModelSummary | null {
  return state && { info: state.info, imageSize: state.imageSize };
}

describe('EngineCore', () => {
  it('keeps the last good weights as the current model when a run diverges after an epoch', async () => {
    // NaN at global step 4: the first step of epoch 2.
    const { core, next, announced, before } = await recordingCore({ injectNanAtStep: 4 });
    const epoch = next('epoch');
    const failed = next('failed');
    await core.train({ ...TINY, epochs: 3 }, 'run-nan');
    const first: TrainEpoch = await epoch;
    const report: TrainFailed = await failed;
    expect(report.message).toBe(
      'Training diverged (loss became NaN or Infinity) at epoch 2, step 1; the last good weights (1 epoch) are now the current model. Try a lower learning rate.',
    );

    const current = core.current()!;
    expect(current.info).toMatchObject({ id: 'run-nan', source: 'trained', epochsTrained: 1 });
    // The kept weights are the last good ones, from before the last finite update (epoch 1, step 3
    // of 4): the current model's codes and metrics describe them, not epoch 1's end.
    const { val } = generateDataset({ count: 200, imageSize: 32, seed: TINY.seed, valFraction: 0.2 });
    const codes = await core.encode(val.images, val.count);
    expect(current.points.codes).toEqual(codes);
    expect(codes).not.toEqual(first.codes);
    expect(current.info.metrics?.latentBounds).toEqual(boundsOfCodes(codes));
    expect(current.info.metrics?.valNmse).toBeGreaterThan(0);
    expect((await core.decode(new Float32Array([0, 0, 1.5, -1.5]))).every(Number.isFinite)).toBe(true);
    expect(announced()).toEqual(summaryOfState(current));
    expect(before('failed')?.event).toBe('model');
  });

  it('announces the current model before every reply or event that follows a change', async () => {
    // NaN at global step 4: past the end of a 4-step run, inside the first epoch of an 8-step one.
    const { core, next, announced, before } = await recordingCore({ injectNanAtStep: 4 });
    expect(core.current()).toBeNull();

    const finished = next('finished');
    await core.train(TINY, 'run-32');
    expect(announced()).toEqual(summaryOfState(core.current()));
    expect(announced()?.info.source).toBe('training');
    const done: TrainFinished = await finished;
    expect(before('epoch')).toMatchObject({ event: 'model', payload: { info: { epochsTrained: 1 } } });
    expect(before('finished')).toEqual({ event: 'model', payload: summaryOfState(done.model) });
    expect(announced()).toEqual(summaryOfState(core.current()));

    // Another image size while it trains, then back to the previous model when it fails early.
    const failed = next('failed');
    await core.train({ ...TINY, imageSize: 64, batchSize: 20 }, 'run-64');
    expect(announced()).toMatchObject({ imageSize: 64, info: { id: 'run-64', source: 'training' } });
    expect((await failed).message).toMatch(/before the first epoch ended; the previous model was kept/);
    expect(announced()).toEqual({ info: done.model.info, imageSize: 32 });
    expect(before('failed')?.event).toBe('model');

    const imported = await core.importBundle(await core.exportBundle());
    expect(imported.info.source).toBe('loaded');
    expect(announced()).toEqual(summaryOfState(imported));
    expect(announced()).toEqual(summaryOfState(core.current()));
  });

  it('applies a stop or pause that arrives before its run: the run starts paused, or ends at once', async () => {
    const { core, next } = await recordingCore();
    const first = next('finished');
    await core.train(TINY, 'run-1');
    const previous = (await first).model;

    // The client sends 'stop' for a run as soon as it is asked, possibly before 'train' arrives.
    core.stop('run-2');
    const stopped = next('finished');
    await core.train({ ...TINY, epochs: 50 }, 'run-2');
    expect(await stopped).toMatchObject({ runId: 'run-2', stopped: true, keptPrevious: true });
    expect(core.current()?.info).toEqual(previous.info);

    core.pause('run-3');
    const progress = next('progress');
    await core.train({ ...TINY, epochs: 50 }, 'run-3');
    expect(await progress).toMatchObject({ runId: 'run-3', epoch: 1, step: 0, paused: true });
    const ended = next('finished');
    core.stop('run-3');
    expect(await ended).toMatchObject({ runId: 'run-3', stopped: true, keptPrevious: true });
    // A late stop of a run that has ended touches nothing.
    core.stop('run-3');
    const last = next('finished');
    await core.train(TINY, 'run-4');
    expect(await last).toMatchObject({ runId: 'run-4', stopped: false });
  });

  it("takes a small decode during a run as the user's interaction (the loop then rests), not a large one", async () => {
    const { core, next } = await recordingCore();
    const first = next('finished');
    await core.train(TINY, 'run-0');
    await first;
    core.pause('run-i');
    const progress = next('progress');
    await core.train({ ...TINY, epochs: 50 }, 'run-i');
    await progress;
    const control = (core as unknown as { run: { control: TrainControl } }).run.control;
    await core.decode(new Float32Array(2 * 256)); // a grid: not an interaction
    expect(control.interactive()).toBe(false);
    await core.decode(new Float32Array([0.1, 0.2])); // a slider's preview
    expect(control.interactive()).toBe(true);
    const ended = next('finished');
    core.stop('run-i');
    await ended;
  });

  it('keeps the previous model when stopped before the first epoch ends, and says so', async () => {
    let armed = false;
    const { core, next, announced } = await recordingCore({
      // Stop during the third step of run-b's first epoch (of 4).
      beforeStep: (step) => armed && step === 2 && core.stop('run-b'),
    });
    const first = next('finished');
    await core.train(TINY, 'run-a');
    const previous = (await first).model;
    const z = new Float32Array([0.4, -0.3]);
    const decoded = core.decode(z);

    const finished = next('finished');
    const epoch = next('epoch');
    armed = true;
    await core.train({ ...TINY, epochs: 5, seed: 7 }, 'run-b');
    expect(core.current()?.info.id).toBe('run-b');
    const done: TrainFinished = await finished;
    expect(done).toMatchObject({ runId: 'run-b', stopped: true, keptPrevious: true });
    expect(done.model).toEqual(previous);
    expect(core.current()).toEqual(previous);
    expect(announced()).toEqual(summaryOfState(previous));
    expect(core.decode(z)).toEqual(decoded);
    expect(await Promise.race([epoch, 'no epoch'])).toBe('no epoch');
  });

  it('says there is no model yet when stopped before the first epoch ends with none before', async () => {
    const { core, next, announced } = await recordingCore({ beforeStep: () => core.stop('run-x') });
    const failed = next('failed');
    await core.train(TINY, 'run-x');
    expect(await failed).toEqual({ runId: 'run-x', message: STOPPED_WITHOUT_MODEL });
    expect(core.current()).toBeNull();
    expect(announced()).toBeNull();
  });

  it('answers a stop while preparing a large dataset: the run ends before the dataset is done', async () => {
    const datasets = new DatasetCache();
    const rendered: number[] = [];
    let total = 0;
    const { core, next } = await recordingCore({
      datasets,
      onDatasetRendered: (done, of) => {
        rendered.push(done);
        total = of;
        // The stop arrives as a message would: in a later turn of the event loop.
        if (rendered.length === 1) setImmediate(() => core.stop('run-big'));
      },
    });
    const config = { ...TINY, imageSize: 64 as const, datasetSize: 4000 };
    const failed = next('failed');
    await core.train(config, 'run-big');
    expect(await failed).toEqual({ runId: 'run-big', message: STOPPED_WITHOUT_MODEL });
    expect(rendered.length).toBeGreaterThanOrEqual(1);
    expect(rendered.length).toBeLessThanOrEqual(2); // the chunk in progress as the stop came
    expect(rendered[rendered.length - 1]).toBeLessThan(total);
    expect(total).toBe(4000);
    expect(datasets.size).toBe(0); // the half-made dataset is not kept
  });

  it('keeps only the datasets of the held model and of the run', async () => {
    const datasets = new DatasetCache();
    const { core, next } = await recordingCore({ datasets });
    const a = { ...TINY, seed: 1 };
    const b = { ...TINY, seed: 2 };
    let finished = next('finished');
    await core.train(a, 'run-a');
    await finished;
    const bundleA = await core.exportBundle();
    expect([datasets.size, datasets.has(a)]).toEqual([1, true]);

    finished = next('finished');
    await core.train(b, 'run-b');
    expect([datasets.has(a), datasets.has(b)]).toEqual([true, true]); // during the run: both
    await finished;
    expect([datasets.size, datasets.has(b)]).toEqual([1, true]); // model a is gone: so is its dataset

    await core.importBundle(bundleA);
    expect([datasets.size, datasets.has(a)]).toEqual([1, true]);
  });
});
