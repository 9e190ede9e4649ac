/**
 * When the 3-D view draws. Two kinds of request:
 * - `soon()`: on the next animation frame (orbiting, resizing, new data: the user is looking here);
 * - `throttled()`: values streaming in from elsewhere (the marker and the inset follow the z slider):
 *   coalesced and drawn by a timer at most once per `minIntervalMs`, the latest value always drawn
 *   last (leading and trailing edge), so the 3-D view never competes with the slider's own preview
 *   on every input.
 * While hidden (scrolled out of view) nothing is drawn; one frame follows when it shows again.
 */

/** The clock and timers the scheduler uses (the browser's, or fakes in tests). */
export interface SchedulerClock {
  now(): number;
  setTimeout(cb: () => void, ms: number): number;
  clearTimeout(id: number): void;
  requestAnimationFrame(cb: () => void): number;
  cancelAnimationFrame(id: number): void;
}

/** The page's or the worker's own clock (workers drawing an OffscreenCanvas have animation frames too). */
const browserClock: SchedulerClock = {
  now: () => performance.now(),
  setTimeout: (cb, ms) => globalThis.setTimeout(cb, ms) as unknown as number,
  clearTimeout: (id) => globalThis.clearTimeout(id),
  requestAnimationFrame: (cb) => requestAnimationFrame(cb),
  cancelAnimationFrame: (id) => cancelAnimationFrame(id),
};

export class RenderScheduler {
  private frame = 0;
  private timer = 0;
  private lastDraw = -Infinity;
  /** What the pending throttled draw waits for besides the interval (see `throttled`). */
  private hold: { until(): number; maxMs: number } | null = null;
  private shown = true;
  /** A draw was asked for while hidden. */
  private owed = false;
  private disposed = false;

  constructor(
    private readonly draw: () => void,
    private readonly minIntervalMs: number,
    private readonly clock: SchedulerClock = browserClock,
  ) {}

  get visible(): boolean {
    return this.shown;
  }

  /** Draws on the next animation frame. */
  soon(): void {
    if (this.disposed) return;
    if (!this.shown) {
      this.owed = true;
      return;
    }
    if (this.frame) return;
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = 0;
    this.frame = this.clock.requestAnimationFrame(this.run);
  }

  /**
   * Draws at most once per interval; a request inside it waits for the interval's end. With
   * `hold`, the draw also waits until `hold.until()` (looked at again when due, since it may move
   * on), but never more than `hold.maxMs` after the last draw.
   */
  throttled(hold?: { until(): number; maxMs: number }): void {
    if (this.disposed) return;
    if (!this.shown) {
      this.owed = true;
      return;
    }
    this.hold = hold ?? null;
    if (this.frame || this.timer) return;
    this.timer = this.clock.setTimeout(this.runWhenDue, this.waitMs());
  }

  /** How long until a throttled draw is due (0: now): the interval, then the hold. */
  private waitMs(): number {
    return Math.max(0, this.lastDraw + this.minIntervalMs - this.clock.now(), this.heldMs());
  }

  /** How much longer the hold keeps the draw back (≤ 0: not at all). */
  private heldMs(): number {
    if (!this.hold) return 0;
    return Math.min(this.hold.until(), this.lastDraw + this.hold.maxMs) - this.clock.now();
  }

  /** The throttled draw's timer: draws, unless the hold moved on meanwhile (then waits for it). */
  private readonly runWhenDue = (): void => {
    this.timer = 0;
    const held = this.heldMs();
    if (held > 0 && !this.disposed && this.shown) this.timer = this.clock.setTimeout(this.runWhenDue, held);
    else this.run();
  };

  /** Hidden: hold draws back. Shown again: draw once if anything was asked for meanwhile. */
  setVisible(visible: boolean): void {
    if (this.disposed || visible === this.shown) return;
    this.shown = visible;
    if (!visible) {
      if (this.frame || this.timer) this.owed = true;
      this.cancel();
    } else if (this.owed) {
      this.owed = false;
      this.soon();
    }
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  private cancel(): void {
    if (this.frame) this.clock.cancelAnimationFrame(this.frame);
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.frame = 0;
    this.timer = 0;
  }

  private readonly run = (): void => {
    this.cancel();
    if (this.disposed || !this.shown) return;
    this.lastDraw = this.clock.now();
    this.draw();
  };
}
