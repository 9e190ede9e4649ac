// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderHook } from '../lib/render-hook.test-util';
import { usePacedValue } from './use-paced-value';

type Props = { v: number; paced: boolean };
const usePaced = ({ v, paced }: Props): number => usePacedValue(v, paced, 1000);
const advance = (ms: number) => act(async () => void vi.advanceTimersByTime(ms));

describe('usePacedValue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('follows at once when not paced', async () => {
    const h = await renderHook(usePaced, { v: 1, paced: false });
    await h.rerender({ v: 2, paced: false });
    expect(h.current).toBe(2);
    await h.rerender({ v: 3, paced: false });
    expect(h.current).toBe(3);
    await h.unmount();
  });

  it('while paced: the first change at once, then at most one per interval, always the newest, none lost', async () => {
    const h = await renderHook(usePaced, { v: 1, paced: true });
    await h.rerender({ v: 2, paced: true });
    expect(h.current).toBe(2); // the first change is shown at once
    await h.rerender({ v: 3, paced: true });
    await h.rerender({ v: 4, paced: true });
    expect(h.current).toBe(2); // held
    await advance(999);
    expect(h.current).toBe(2);
    await advance(1);
    expect(h.current).toBe(4); // the newest, not 3
    await h.rerender({ v: 5, paced: true });
    expect(h.current).toBe(4);
    await advance(1000);
    expect(h.current).toBe(5);
    await h.unmount();
  });

  it('shows the latest value at once when pacing ends (the run finished)', async () => {
    const h = await renderHook(usePaced, { v: 1, paced: true });
    await h.rerender({ v: 2, paced: true });
    await h.rerender({ v: 3, paced: true });
    expect(h.current).toBe(2);
    await h.rerender({ v: 3, paced: false });
    expect(h.current).toBe(3);
    await advance(2000);
    expect(h.current).toBe(3);
    await h.unmount();
  });
});
