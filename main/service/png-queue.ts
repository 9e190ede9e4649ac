// PNG files made one at a time, with a bounded queue. Why: upsampling and encoding a 4,096 px
// sheet takes about a second on the owning process's main thread, and four at once stalled every
// other request for 4–5 s. In turn, other requests are served between two images, and a flood is
// refused with a message instead of piling up decoded sheets in memory.
import { ApiRequestError } from '../../shared/validate';
import { countOf } from '../../shared/wording';

/** Images that may wait behind the one being made; one more is refused. */
export const PNG_MAX_WAITING = 3;

/** Runs image jobs one after another; see the file comment. */
export class PngQueue {
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly maxWaiting = PNG_MAX_WAITING) {}

  /** Images being made or waiting (for tests and diagnostics). */
  get length(): number {
    return this.waiting.length + (this.busy ? 1 : 0);
  }

  /**
   * Runs `job` once the jobs before it are done; rejects with ApiRequestError 'busy' at once,
   * without running it, when `maxWaiting` jobs wait already.
   */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.busy) {
      if (this.waiting.length >= this.maxWaiting) {
        throw new ApiRequestError(
          'busy',
          `Still making ${countOf(this.length, 'image')}; wait until they are done, then try again.`,
        );
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.busy = true;
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      // Why setImmediate: requests that arrived meanwhile are read before the next image starts.
      if (next) setImmediate(next);
      else this.busy = false;
    }
  }
}
