/**
 * When the user last interacted (a slider's or the hover's one-image decode), shared between the
 * host's thread and the training worker through a SharedArrayBuffer: the engine client notes each
 * small decode it sends to the mirror, and the training loop rests between steps for a while after
 * (train-loop.ts, INTERACTIVE_MS). No message per decode, and nothing for the training thread to
 * receive while it computes.
 *
 * Why (issue 11): on 2 cores a training thread that never sleeps kept its process's share of the
 * CPU busy; the decoding worker and the host then waited 20–200 ms at a time to be scheduled
 * (measured with /proc/thread-self/schedstat), and a slider's preview with them.
 */

/** Milliseconds on a clock every thread of the process shares (performance.now differs per thread). */
export function sharedNow(): number {
  return performance.timeOrigin + performance.now();
}

export class InteractionClock {
  private readonly last: Float64Array;

  /** Over `buffer` (8 bytes, shared), or a fresh one. */
  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(8)) {
    if (buffer.byteLength < 8) throw new Error('interaction clock: the buffer must hold 8 bytes');
    this.last = new Float64Array(buffer, 0, 1);
    if (this.last[0] === 0) this.last[0] = -Infinity;
  }

  /** Someone is interacting now. */
  note(now = sharedNow()): void {
    this.last[0] = now;
  }

  /** Milliseconds since the last interaction (Infinity: none yet). */
  since(now = sharedNow()): number {
    return now - this.last[0]!;
  }
}
