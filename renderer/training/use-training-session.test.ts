// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { createFakeApi } from '../lib/fake-api.test-util';
import { inAct, renderHook } from '../lib/render-hook.test-util';
import { useTrainingSession } from './use-training-session';

describe('useTrainingSession', () => {
  it('shows the model in training once a run starts, and tells the model switch where the run stands', async () => {
    const fake = createFakeApi({ 'train:start': () => ({ runId: 'r1' }) });
    const refreshModel = vi.fn(async () => undefined);
    const hook = await renderHook(() => useTrainingSession(fake.api, refreshModel), undefined);
    expect(hook.current.tab).toBe('explore');
    expect([hook.current.active, hook.current.run]).toEqual([false, null]);
    await inAct(() => hook.current.setTab('train'));
    expect(hook.current.tab).toBe('train');
    await inAct(() => hook.current.training.start(DEFAULT_TRAIN_CONFIG));
    expect(refreshModel).toHaveBeenCalledTimes(1);
    expect(hook.current.active).toBe(true);
    await inAct(() =>
      fake.emit('train:progress', {
        runId: 'r1',
        epoch: 4,
        epochs: 9,
        step: 1,
        stepsPerEpoch: 2,
        lossTrain: 0.3,
        lossVal: null,
        samplesPerSecond: 10,
        etaSeconds: 1,
        paused: false,
      }),
    );
    expect(hook.current.run).toEqual({ epoch: 4, epochs: 9, paused: false });
    await hook.unmount();
  });

  it('keeps the typed config while the Train tab is closed', async () => {
    const hook = await renderHook(
      () => useTrainingSession(createFakeApi({}).api, async () => undefined),
      undefined,
    );
    const draft = { ...hook.current.draft, epochs: '12' };
    await inAct(() => hook.current.setDraft(draft));
    await inAct(() => hook.current.setTab('train'));
    await inAct(() => hook.current.setTab('explore'));
    expect(hook.current.draft).toBe(draft);
    await hook.unmount();
  });
});
