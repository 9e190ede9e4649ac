/**
 * Large inference in slices, with a turn of the worker's event loop between two slices. Why: the
 * worker trains, answers the sliders' one-image decodes and computes the views' big requests (a
 * 24×24 grid, 800 reconstructions, every code of a split, the end-of-epoch evaluation) on one
 * thread. Done at once, a big request held a slider's decode for 100–400 ms while a model trained
 * on 2 busy cores; in slices, a small request waits for one slice or one training step at most.
 */

/** Rows per slice (about 2–5 ms of encoding or decoding at 32 px, four times that at 64 px). */
export const SLICE_ROWS = 256;

/** Requests up to this many rows run at once: a slider's decode, a hover card, a factor encode. */
export const IMMEDIATE_ROWS = 64;

/** Lets queued messages (a decode, pause, stop) and the training loop's next step run. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Calls `slice(start, rows)` over `count` rows in slices of `sliceRows`, yielding between two. */
export async function inSlices(
  count: number,
  slice: (start: number, rows: number) => void,
  opts: { sliceRows?: number } = {},
): Promise<void> {
  const size = opts.sliceRows ?? SLICE_ROWS;
  for (let start = 0; start < count; start += size) {
    if (start > 0) await yieldToEventLoop();
    slice(start, Math.min(size, count - start));
  }
}
