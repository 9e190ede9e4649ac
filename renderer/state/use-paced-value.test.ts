// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderHook } from '../lib/render-hook.test-util';
import { QUIET_MS, noteInteraction } from '../lib/interaction';
import { MAX_HOLD_MS, usePacedValue } from './use-paced-value';

type Props = { v: number; paced: boolean };
const usePaced = ({ v, paced }: Props): number => usePacedValue(v, paced, 1000);
const advance = (ms: number) => act(async () => void vi.advanceTimersByTime(ms));

describe('usePacedValue', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
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

  it('while the user interacts, holds a refresh until a pause, or at most MAX_HOLD_MS', async () => {
    const h = await renderHook(usePaced, { v: 1, paced: true });
    await h.rerender({ v: 2, paced: true }); // shown at once; the next one waits a second anyway
    window.dispatchEvent(new Event('input')); // a slider moves
    await h.rerender({ v: 3, paced: true });
    await advance(900);
    window.dispatchEvent(new Event('input')); // and moves again
    await advance(100);
    expect(h.current).toBe(2); // the interval has passed, but the hand has not rested
    await advance(QUIET_MS - 100);
    expect(h.current).toBe(3); // it rested
    // A drag that never rests: the views still follow, every MAX_HOLD_MS.
    await h.rerender({ v: 4, paced: true });
    for (let t = 0; t < MAX_HOLD_MS - 100; t += 100) {
      noteInteraction();
      await advance(100);
    }
    expect(h.current).toBe(3);
    noteInteraction();
    await advance(200);
    expect(h.current).toBe(4);
    await h.unmount();
  });
});
