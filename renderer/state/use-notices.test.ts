// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inAct, renderHook } from '../lib/render-hook.test-util';
import { useNotices } from './use-notices';

const texts = (list: { kind: string; text: string }[]) => list.map((n) => `${n.kind}: ${n.text}`);

afterEach(() => {
  vi.useRealTimers();
});

describe('useNotices', () => {
  it('a later success on the same action clears its earlier error', async () => {
    const hook = await renderHook(() => useNotices(), undefined);
    const { actions } = hook.current;
    await inAct(() => actions.fail('Save image failed', new Error('disk full'), 'Save image'));
    await inAct(() => actions.fail('Open model failed', new Error('not a model'), 'Open model'));
    await inAct(() => actions.push('success', 'Save image: saved as a.png.', 'Save image'));
    expect(texts(hook.current.list)).toEqual([
      'error: Open model failed: not a model',
      'success: Save image: saved as a.png.',
    ]);
    await inAct(() => actions.clear('Open model'));
    expect(texts(hook.current.list)).toEqual(['success: Save image: saved as a.png.']);
    await hook.unmount();
  });

  it('keeps at most two errors, the newest', async () => {
    const hook = await renderHook(() => useNotices(), undefined);
    for (const what of ['A', 'B', 'C'])
      await inAct(() => hook.current.actions.fail(`${what} failed`, new Error('no')));
    expect(texts(hook.current.list)).toEqual(['error: B failed: no', 'error: C failed: no']);
    await hook.unmount();
  });

  it('keeps the same actions while notices come and go', async () => {
    const hook = await renderHook(() => useNotices(), undefined);
    const first = hook.current.actions;
    await inAct(() => first.push('info', 'one'));
    expect(hook.current.list).toHaveLength(1);
    expect(hook.current.actions).toBe(first);
    await hook.unmount();
  });

  it('fades a success after a while but keeps an error, and stops its timers on unmount', async () => {
    vi.useFakeTimers();
    const hook = await renderHook(() => useNotices(), undefined);
    await act(() => {
      hook.current.actions.push('success', 'Saved.');
      hook.current.actions.fail('Open model failed', new Error('bad file'));
    });
    await act(() => vi.advanceTimersByTime(6000));
    expect(texts(hook.current.list)).toEqual(['error: Open model failed: bad file']);
    await act(() => hook.current.actions.push('info', 'Later.'));
    await hook.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
