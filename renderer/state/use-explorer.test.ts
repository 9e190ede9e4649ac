// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { AtlasApi, Events, ModelState } from '../../shared/api';
import { inAct, renderHook, settle } from '../lib/render-hook.test-util';
import { metricsFixture, modelFixture } from './test-fixtures';
import { useExplorer } from './use-explorer';

const metrics = metricsFixture();

function model(id: string, source: ModelState['info']['source'], codes: number[]): ModelState {
  return modelFixture(id, codes, { source });
}

/** A fake engine side: `current` is what model:current answers; `emit` fires an event. */
function fakeApi(initial: ModelState) {
  let current = initial;
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const api = {
    invoke: async (name: string) => {
      if (name === 'model:current') return current;
      if (name === 'model:bundled') return [{ id: 'a', name: 'A', description: 'first' }];
      throw new Error(`unexpected ${name}`);
    },
    on: (name: string, fn: (p: unknown) => void) => {
      const set = listeners.get(name) ?? new Set();
      set.add(fn);
      listeners.set(name, set);
      return () => set.delete(fn);
    },
  } as unknown as AtlasApi;
  return {
    api,
    setCurrent: (m: ModelState) => (current = m),
    emit: <E extends keyof Events>(name: E, payload: Events[E]) =>
      listeners.get(name)?.forEach((fn) => fn(payload)),
  };
}

describe('useExplorer', () => {
  it('loads the current and bundled models, then follows model:changed', async () => {
    const fake = fakeApi(model('a', 'bundled', [0, 0, 1, 1]));
    const hook = await renderHook(() => useExplorer(fake.api), undefined);
    await settle();
    expect(hook.current.state.model?.info.id).toBe('a');
    expect(hook.current.bundled.map((b) => b.id)).toEqual(['a']);
    await inAct(() => fake.emit('model:changed', model('menu', 'loaded', [5, 5])));
    expect(hook.current.state.model?.info.id).toBe('menu');
    await hook.unmount();
  });

  it('switches to the model in training at its first epoch and moves its points each epoch', async () => {
    const fake = fakeApi(model('a', 'bundled', [0, 0, 1, 1]));
    const hook = await renderHook(() => useExplorer(fake.api), undefined);
    await settle();
    // The model in training, as the engine holds it before its first codes: 2 points, no codes yet.
    const run = model('run', 'training', []);
    fake.setCurrent({
      ...run,
      points: { codes: new Float32Array(0), factors: new Float32Array(4), count: 2 },
    });
    await inAct(() =>
      fake.emit('train:epoch', {
        runId: 'run',
        epoch: 1,
        epochs: 3,
        lossTrain: 1,
        lossVal: 1,
        metrics,
        codes: Float32Array.from([1, 2, 3, 4]),
      }),
    );
    expect(hook.current.state.model?.info.id).toBe('run');
    expect(Array.from(hook.current.state.model!.points.codes)).toEqual([1, 2, 3, 4]);
    const version = hook.current.state.modelVersion;
    await inAct(() =>
      fake.emit('train:epoch', {
        runId: 'run',
        epoch: 2,
        epochs: 3,
        lossTrain: 1,
        lossVal: 1,
        metrics,
        codes: Float32Array.from([5, 6, 7, 8]),
      }),
    );
    expect(Array.from(hook.current.state.model!.points.codes)).toEqual([5, 6, 7, 8]);
    expect(hook.current.state.modelVersion).toBe(version + 1);
    await hook.unmount();
  });

  it('goes back to the engine’s model when training fails', async () => {
    const fake = fakeApi(model('a', 'bundled', [0, 0]));
    const hook = await renderHook(() => useExplorer(fake.api), undefined);
    await settle();
    await inAct(() => fake.emit('model:changed', model('run', 'training', [1, 1])));
    await inAct(() =>
      fake.emit('train:failed', { runId: 'run', message: 'Training diverged (loss became NaN).' }),
    );
    expect(hook.current.state.model?.info.id).toBe('a');
    await hook.unmount();
  });
});
