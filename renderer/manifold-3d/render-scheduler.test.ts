import { describe, expect, it, vi } from 'vitest';
import { RenderScheduler, type SchedulerClock } from './render-scheduler';

/** A manual clock: timers fire when `advance` passes their time, animation frames on `frame()`. */
function fakeClock() {
  let t = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; cb: () => void }>();
  const frames = new Map<number, () => void>();
  const clock: SchedulerClock = {
    now: () => t,
    setTimeout: (cb, ms) => {
      timers.set(nextId, { at: t + ms, cb });
      return nextId++;
    },
    clearTimeout: (id) => void timers.delete(id),
    requestAnimationFrame: (cb) => {
      frames.set(nextId, cb);
      return nextId++;
    },
    cancelAnimationFrame: (id) => void frames.delete(id),
  };
  return {
    clock,
    advance(ms: number) {
      const end = t + ms;
      for (;;) {
        const due = [...timers].filter(([, v]) => v.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        t = due[1].at;
        due[1].cb();
      }
      t = end;
    },
    frame() {
      const queued = [...frames.values()];
      frames.clear();
      queued.forEach((cb) => cb());
    },
    pending: () => timers.size + frames.size,
  };
}

describe('RenderScheduler', () => {
  it('draws a stream of throttled requests at most once per interval, the last one included', () => {
    const fake = fakeClock();
    const draw = vi.fn();
    const s = new RenderScheduler(draw, 100, fake.clock);
    s.throttled(); // leading edge: right away (after a 0 ms timer)
    fake.advance(0);
    expect(draw).toHaveBeenCalledTimes(1);
    // 50 requests over 500 ms, one every 10 ms (a dragged slider).
    for (let i = 0; i < 50; i++) {
      s.throttled();
      fake.advance(10);
    }
    expect(draw.mock.calls.length).toBeLessThanOrEqual(6);
    expect(draw.mock.calls.length).toBeGreaterThanOrEqual(4);
    fake.advance(1000); // settle: the last request still gets its frame
    const settled = draw.mock.calls.length;
    expect(fake.pending()).toBe(0);
    fake.advance(1000);
    expect(draw).toHaveBeenCalledTimes(settled); // and nothing more after
  });

  it('with a hold, waits until it ends (looking again when due), but never past maxMs since the last draw', () => {
    const fake = fakeClock();
    const draw = vi.fn();
    const s = new RenderScheduler(draw, 100, fake.clock);
    s.throttled();
    fake.advance(0);
    expect(draw).toHaveBeenCalledTimes(1); // t = 0
    let quiet = 300; // the hand rests at 300 ms unless it moves again
    const hold = { until: () => quiet, maxMs: 2000 };
    s.throttled(hold);
    fake.advance(250);
    quiet = 550; // it moved again at 250 ms
    fake.advance(100);
    expect(draw).toHaveBeenCalledTimes(1); // 350 ms: not yet, the hand did not rest
    fake.advance(200);
    expect(draw).toHaveBeenCalledTimes(2); // 550 ms: it rested
    // A hand that never rests: a draw at least every maxMs.
    quiet = Infinity;
    s.throttled(hold);
    fake.advance(1999);
    expect(draw).toHaveBeenCalledTimes(2);
    fake.advance(1);
    expect(draw).toHaveBeenCalledTimes(3);
  });

  it('draws soon() requests on the next animation frame, merging a pending throttled one', () => {
    const fake = fakeClock();
    const draw = vi.fn();
    const s = new RenderScheduler(draw, 100, fake.clock);
    s.throttled();
    s.soon();
    fake.frame();
    expect(draw).toHaveBeenCalledTimes(1);
    fake.advance(500);
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it('holds draws back while hidden and draws once when shown again', () => {
    const fake = fakeClock();
    const draw = vi.fn();
    const s = new RenderScheduler(draw, 100, fake.clock);
    s.setVisible(false);
    for (let i = 0; i < 5; i++) s.throttled();
    s.soon();
    fake.advance(1000);
    fake.frame();
    expect(draw).not.toHaveBeenCalled();
    s.setVisible(true);
    fake.frame();
    expect(draw).toHaveBeenCalledTimes(1);
    s.setVisible(false);
    s.setVisible(true);
    fake.frame();
    expect(draw).toHaveBeenCalledTimes(1); // nothing was asked for meanwhile
  });

  it('draws nothing after dispose', () => {
    const fake = fakeClock();
    const draw = vi.fn();
    const s = new RenderScheduler(draw, 100, fake.clock);
    s.throttled();
    s.soon();
    s.dispose();
    s.throttled();
    fake.advance(1000);
    fake.frame();
    expect(draw).not.toHaveBeenCalled();
  });
});
