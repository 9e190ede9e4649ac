import { describe, expect, it } from 'vitest';
import type { TrainProgress } from '../../shared/api';
import {
  INITIAL_TRAINING,
  isActive,
  MAX_TRAIN_POINTS,
  runAt,
  trainingReducer,
  type TrainingState,
} from './training-reducer';
import { metricsFixture, modelFixture } from './test-fixtures';

const metrics = metricsFixture();

function progress(
  runId: string,
  epoch: number,
  step: number,
  extra: Partial<TrainProgress> = {},
): TrainProgress {
  return {
    runId,
    epoch,
    epochs: 5,
    step,
    stepsPerEpoch: 10,
    lossTrain: 1 / (epoch * 10 + step),
    lossVal: null,
    samplesPerSecond: 1000,
    etaSeconds: 3,
    paused: false,
    ...extra,
  };
}

function started(runId = 'r1'): TrainingState {
  return trainingReducer(trainingReducer(INITIAL_TRAINING, { type: 'start-requested' }), {
    type: 'started',
    runId,
  });
}

describe('trainingReducer', () => {
  it('goes starting → running and records loss points in fractional epochs', () => {
    let s = trainingReducer(INITIAL_TRAINING, { type: 'start-requested' });
    expect(s.status).toBe('starting');
    expect(isActive(s.status)).toBe(true);
    s = trainingReducer(s, { type: 'started', runId: 'r1' });
    expect(s.status).toBe('running');
    s = trainingReducer(s, { type: 'progress', progress: progress('r1', 1, 5) });
    expect(s.lossTrain).toEqual([{ epoch: 0.5, loss: 1 / 15 }]);
    expect(s.progress?.step).toBe(5);
  });

  it("records the reconstruction term beside the loss when the loss has others (a VAE's KL), not for a plain autoencoder", () => {
    const vae = { lossRecon: 0.01, lossKl: 0.002, lossAlign: 0, klPerDim: [1, 1] };
    let s = trainingReducer(started(), { type: 'progress', progress: progress('r1', 1, 5, { terms: vae }) });
    expect(s.lossRecon).toEqual([{ epoch: 0.5, loss: 0.01 }]);
    expect(s.lossKl).toEqual([{ epoch: 0.5, loss: 0.002 }]);
    // The chart weighs it by the run's β, kept from the start (not the form's next value).
    expect(trainingReducer(INITIAL_TRAINING, { type: 'start-requested', beta: 3 }).klWeight).toBe(3);
    const ae = { lossRecon: 0.02, lossKl: 0, lossAlign: 0, klPerDim: [0, 0] };
    s = trainingReducer(started('r2'), { type: 'progress', progress: progress('r2', 1, 5, { terms: ae }) });
    expect(s.lossRecon).toEqual([]);
    expect(s.lossKl).toEqual([]);
  });

  it('accepts events that arrive before the start request answers', () => {
    let s = trainingReducer(INITIAL_TRAINING, { type: 'start-requested' });
    s = trainingReducer(s, { type: 'progress', progress: progress('r9', 1, 1) });
    expect(s.runId).toBe('r9');
    expect(s.status).toBe('running');
  });

  it('ignores events of another run', () => {
    const s = started('r1');
    expect(trainingReducer(s, { type: 'progress', progress: progress('old', 1, 1) })).toBe(s);
    expect(trainingReducer(s, { type: 'failed', failed: { runId: 'old', message: 'x' } })).toBe(s);
  });

  it('tracks validation loss per epoch, pause from progress reports, and the end', () => {
    let s = started();
    s = trainingReducer(s, {
      type: 'epoch',
      epoch: {
        runId: 'r1',
        epoch: 1,
        epochs: 5,
        lossTrain: 0.5,
        lossVal: 0.6,
        metrics,
        codes: new Float32Array(),
      },
    });
    expect(s.lossVal).toEqual([{ epoch: 1, loss: 0.6 }]);
    s = trainingReducer(s, { type: 'paused' });
    expect(s.pending).toBe('pause');
    // A report sent before the engine saw the request does not undo it.
    s = trainingReducer(s, { type: 'progress', progress: progress('r1', 2, 2) });
    expect([s.status, s.pending]).toEqual(['running', 'pause']);
    s = trainingReducer(s, { type: 'progress', progress: progress('r1', 2, 3, { paused: true }) });
    expect([s.status, s.pending]).toEqual(['paused', null]);
    s = trainingReducer(s, { type: 'resumed' });
    expect(s.pending).toBe('resume');
    s = trainingReducer(s, { type: 'progress', progress: progress('r1', 2, 3) });
    expect([s.status, s.pending]).toEqual(['running', null]);
    s = trainingReducer(s, { type: 'stop-requested' });
    expect(s.status).toBe('stopping');
    s = trainingReducer(s, { type: 'progress', progress: progress('r1', 2, 4) });
    expect(s.status).toBe('stopping');
    s = trainingReducer(s, {
      type: 'finished',
      // Stopped in epoch 2: one epoch ended.
      finished: {
        runId: 'r1',
        stopped: true,
        trainSeconds: 2,
        model: modelFixture('r1', [], { epochsTrained: 1 }),
      },
    });
    expect(s.status).toBe('finished');
    expect(s.result).toEqual({ stopped: true, trainSeconds: 2, epochs: 1 });
    expect(isActive(s.status)).toBe(false);
  });

  it('shows failures with their message until dismissed', () => {
    let s = trainingReducer(started(), {
      type: 'failed',
      failed: { runId: 'r1', message: 'Training diverged (loss became NaN) at epoch 3' },
    });
    expect(s.status).toBe('failed');
    expect(s.error).toMatch(/NaN/);
    s = trainingReducer(s, { type: 'dismiss-error' });
    expect(s.error).toBeNull();
  });

  it('keeps a run going when a control request fails, with the message shown', () => {
    const s = trainingReducer(started(), { type: 'request-failed', message: 'No training run to pause.' });
    expect(s.status).toBe('running');
    expect(s.error).toBe('No training run to pause.');
  });

  it('thins the train-loss history instead of growing without bound', () => {
    let s = started();
    for (let i = 0; i < MAX_TRAIN_POINTS * 3; i++)
      s = trainingReducer(s, { type: 'progress', progress: progress('r1', 1, i % 10) });
    expect(s.lossTrain.length).toBeLessThanOrEqual(MAX_TRAIN_POINTS);
    expect(s.lossTrain.length).toBeGreaterThan(MAX_TRAIN_POINTS / 2);
  });

  it('tells where a run underway stands, and nothing once it ended', () => {
    let s = trainingReducer(started(), { type: 'progress', progress: progress('r1', 2, 3) });
    expect(runAt(s)).toEqual({ epoch: 2, epochs: 5, paused: false });
    s = trainingReducer(s, { type: 'progress', progress: progress('r1', 2, 4, { paused: true }) });
    expect(runAt(s)).toEqual({ epoch: 2, epochs: 5, paused: true });
    expect(runAt(started())).toBeNull();
    s = trainingReducer(s, {
      type: 'finished',
      finished: { runId: 'r1', stopped: false, trainSeconds: 1, model: modelFixture('r1', []) },
    });
    expect(runAt(s)).toBeNull();
  });
});
