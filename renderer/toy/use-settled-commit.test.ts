// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderHook } from '../lib/render-hook.test-util';
import { SETTLE_MS, useSettledCommit } from './use-settled-commit';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('useSettledCommit', () => {
  it('shows every move at once and commits only the value that rested', async () => {
    const commit = vi.fn();
    const hook = await renderHook((v: number) => useSettledCommit(v, commit), 100);
    await act(async () => {
      hook.current.change(150);
      vi.advanceTimersByTime(SETTLE_MS / 2);
      hook.current.change(200);
    });
    expect(hook.current.shown).toBe(200);
    expect(commit).not.toHaveBeenCalled();
    await act(async () => vi.advanceTimersByTime(SETTLE_MS));
    expect(commit.mock.calls).toEqual([[200]]);
    await hook.unmount();
  });

  it('follows a value changed from outside', async () => {
    const hook = await renderHook((v: number) => useSettledCommit(v, () => {}), 100 as number);
    await hook.rerender(300);
    expect(hook.current.shown).toBe(300);
    await hook.unmount();
  });

  it('commits nothing after unmount', async () => {
    const commit = vi.fn();
    const hook = await renderHook((v: number) => useSettledCommit(v, commit), 100);
    await act(async () => hook.current.change(150));
    await hook.unmount();
    vi.advanceTimersByTime(2 * SETTLE_MS);
    expect(commit).not.toHaveBeenCalled();
  });
});
