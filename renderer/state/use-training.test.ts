// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { TrainProgress } from '../../shared/api';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { createFakeApi } from '../lib/fake-api.test-util';
import { inAct, renderHook } from '../lib/render-hook.test-util';
import { useTraining } from './use-training';

function progress(runId: string, epoch: number, paused = false): TrainProgress {
  const p = { runId, epoch, epochs: 3, step: 1, stepsPerEpoch: 4, lossTrain: 0.5, lossVal: null };
  return { ...p, samplesPerSecond: 100, etaSeconds: 2, paused };
}

describe('useTraining', () => {
  it('starts a run, follows its events and sends Pause / Stop', async () => {
    const fake = createFakeApi({
      'train:start': () => ({ runId: 'r1' }),
      'train:pause': () => undefined,
      'train:stop': () => undefined,
    });
    const onStarted = vi.fn();
    const hook = await renderHook(() => useTraining(fake.api, onStarted), undefined);
    await inAct(() => hook.current.start(DEFAULT_TRAIN_CONFIG));
    expect(fake.calls[0]).toEqual({ name: 'train:start', arg: { config: DEFAULT_TRAIN_CONFIG } });
    expect(hook.current.state.status).toBe('running');
    expect(onStarted).toHaveBeenCalledTimes(1);
    await inAct(() => fake.emit('train:progress', progress('r1', 2)));
    expect(hook.current.state.progress?.epoch).toBe(2);
    await inAct(() => hook.current.pause());
    expect(hook.current.state.pending).toBe('pause');
    await inAct(() => fake.emit('train:progress', progress('r1', 2, true)));
    expect(hook.current.state.status).toBe('paused');
    await inAct(() => hook.current.stop());
    expect(fake.calls.map((c) => c.name)).toEqual(['train:start', 'train:pause', 'train:stop']);
    expect(hook.current.state.status).toBe('stopping');
    await hook.unmount();
  });

  it('shows why a run could not start, and a refused control request, without calling onStarted', async () => {
    const fake = createFakeApi({
      'train:start': () => Promise.reject(new Error('A run is already in progress.')),
      'train:resume': () => Promise.reject(new Error('No training run to resume.')),
    });
    const onStarted = vi.fn();
    const hook = await renderHook(() => useTraining(fake.api, onStarted), undefined);
    await inAct(() => hook.current.start(DEFAULT_TRAIN_CONFIG));
    expect(hook.current.state.status).toBe('failed');
    expect(hook.current.state.error).toBe('Training could not start: A run is already in progress.');
    expect(onStarted).not.toHaveBeenCalled();
    await inAct(() => hook.current.resume());
    expect(hook.current.state.error).toBe('No training run to resume.');
    await hook.unmount();
  });
});
