// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ModelInfo, RecentModel } from '../../shared/api';
import { createFakeApi } from '../lib/fake-api.test-util';
import { renderHook, settle } from '../lib/render-hook.test-util';
import { useRecentModels } from './use-recent-models';

describe('useRecentModels', () => {
  it('asks the service again whenever the model on screen changes, and survives a refusal', async () => {
    let answer: RecentModel[] | Error = [];
    const fake = createFakeApi({
      'model:recent': () => {
        if (answer instanceof Error) throw answer;
        return answer;
      },
    });
    type Current = Pick<ModelInfo, 'id' | 'source'> | null;
    const hook = await renderHook((current: Current) => useRecentModels(fake.api, current), {
      id: 'run-1',
      source: 'trained',
    });
    await settle();
    expect(hook.current).toEqual([]);
    const kept: RecentModel = {
      id: 'run-1',
      name: 'Trained',
      source: 'trained',
      createdAt: '',
      epochsTrained: 3,
    };
    answer = [kept];
    await hook.rerender({ id: 'aligned', source: 'bundled' });
    await settle();
    expect(hook.current).toEqual([kept]);
    answer = new Error('host gone');
    await hook.rerender({ id: 'run-1', source: 'trained' });
    await settle();
    expect(hook.current).toEqual([kept]);
    expect(fake.calls.filter((c) => c.name === 'model:recent')).toHaveLength(3);
    await hook.unmount();
  });
});
