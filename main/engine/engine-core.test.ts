import { describe, expect, it } from 'vitest';
import type { ModelState, TrainEpoch, TrainFailed, TrainFinished } from '../../shared/api';
import { generateDataset } from '../../shared/dataset';
import { boundsOfCodes } from '../../shared/latent-bounds';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../shared/train-config';
import type { ModelSummary } from './engine';
import { EngineCore, type CoreOptions } from './engine-core';
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
    core.train({ ...TINY, epochs: 3 }, 'run-nan');
    const first: TrainEpoch = await epoch;
    const report: TrainFailed = await failed;
    expect(report.message).toBe(
      'Training diverged (loss became NaN or Infinity) at epoch 2, step 1; the last good weights (1 epochs) are now the current model. Try a lower learning rate.',
    );

    const current = core.current()!;
    expect(current.info).toMatchObject({ id: 'run-nan', source: 'trained', epochsTrained: 1 });
    // The kept weights are the last good ones, from before the last finite update (epoch 1, step 3
    // of 4): the current model's codes and metrics describe them, not epoch 1's end.
    const { val } = generateDataset({ count: 200, imageSize: 32, seed: TINY.seed, valFraction: 0.2 });
    const codes = core.encode(val.images, val.count);
    expect(current.points.codes).toEqual(codes);
    expect(codes).not.toEqual(first.codes);
    expect(current.info.metrics?.latentBounds).toEqual(boundsOfCodes(codes));
    expect(current.info.metrics?.valNmse).toBeGreaterThan(0);
    expect(core.decode(new Float32Array([0, 0, 1.5, -1.5])).every(Number.isFinite)).toBe(true);
    expect(announced()).toEqual(summaryOfState(current));
    expect(before('failed')?.event).toBe('model');
  });

  it('announces the current model before every reply or event that follows a change', async () => {
    // NaN at global step 4: past the end of a 4-step run, inside the first epoch of an 8-step one.
    const { core, next, announced, before } = await recordingCore({ injectNanAtStep: 4 });
    expect(core.current()).toBeNull();

    const finished = next('finished');
    core.train(TINY, 'run-32');
    expect(announced()).toEqual(summaryOfState(core.current()));
    expect(announced()?.info.source).toBe('training');
    const done: TrainFinished = await finished;
    expect(before('epoch')).toMatchObject({ event: 'model', payload: { info: { epochsTrained: 1 } } });
    expect(before('finished')).toEqual({ event: 'model', payload: summaryOfState(done.model) });
    expect(announced()).toEqual(summaryOfState(core.current()));

    // Another image size while it trains, then back to the previous model when it fails early.
    const failed = next('failed');
    core.train({ ...TINY, imageSize: 64, batchSize: 20 }, 'run-64');
    expect(announced()).toMatchObject({ imageSize: 64, info: { id: 'run-64', source: 'training' } });
    expect((await failed).message).toMatch(/before the first epoch ended; the previous model was kept/);
    expect(announced()).toEqual({ info: done.model.info, imageSize: 32 });
    expect(before('failed')?.event).toBe('model');

    const imported = core.importBundle(await core.exportBundle());
    expect(imported.info.source).toBe('loaded');
    expect(announced()).toEqual(summaryOfState(imported));
    expect(announced()).toEqual(summaryOfState(core.current()));
  });
});
