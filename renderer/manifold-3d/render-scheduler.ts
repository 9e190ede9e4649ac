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

const browserClock: SchedulerClock = {
  now: () => performance.now(),
  setTimeout: (cb, ms) => window.setTimeout(cb, ms),
  clearTimeout: (id) => window.clearTimeout(id),
  requestAnimationFrame: (cb) => requestAnimationFrame(cb),
  cancelAnimationFrame: (id) => cancelAnimationFrame(id),
};

export class RenderScheduler {
  private frame = 0;
  private timer = 0;
  private lastDraw = -Infinity;
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

  /** Draws at most once per interval; a request inside it waits for the interval's end. */
  throttled(): void {
    if (this.disposed) return;
    if (!this.shown) {
      this.owed = true;
      return;
    }
    if (this.frame || this.timer) return;
    const wait = Math.max(0, this.lastDraw + this.minIntervalMs - this.clock.now());
    this.timer = this.clock.setTimeout(this.run, wait);
  }

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
