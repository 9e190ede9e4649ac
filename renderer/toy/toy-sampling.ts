import type { MessageId } from '../../shared/i18n/catalogs';
import { createRng } from '../../shared/random';
import { regionCellCount, type ToyMask } from './toy-mask';

/** How many points the toy draws from p_data, and the default. */
export const POINT_COUNT_LIMITS = [50, 2000] as const;
export const DEFAULT_POINT_COUNT = 200;

/** Fewest region cells a mask needs before points are drawn from it (a speck is not a region). */
export const MIN_REGION_CELLS = 4;

/**
 * What was wrong with an input, for the page to word (the toy runs in a worker, which words
 * nothing): a catalog message and its values, e.g. { id: 'toy.error.seed' }.
 */
export interface ToyProblem {
  id: MessageId;
  values?: Record<string, string>;
}

/** Bad input to the toy (an empty region, a count out of range); `problem` is for the user. */
export class ToyError extends Error {
  override name = 'ToyError';
  readonly problem: ToyProblem;
  constructor(problem: ToyProblem) {
    super(problem.id);
    this.problem = problem;
  }
}

/**
 * `n` points drawn uniformly from the region of `mask` by rejection sampling (a uniform point of
 * the square, kept when its cell is in the region), interleaved (x₁, y₁, x₂, y₂, …). The same seed
 * and mask always give the same points. Throws ToyError for an out-of-range `n` or a region of
 * fewer than MIN_REGION_CELLS cells.
 *
 * @example samplePointsInMask(shapeMask('square'), 200, 1) // 400 numbers, every point in [0.25, 0.75)²
 */
export function samplePointsInMask(mask: ToyMask, n: number, seed: number): Float32Array {
  const [lo, hi] = POINT_COUNT_LIMITS;
  if (!Number.isInteger(n) || n < lo || n > hi) {
    throw new ToyError({ id: 'toy.error.points', values: { lo: String(lo), hi: String(hi) } });
  }
  const regionCells = regionCellCount(mask);
  if (regionCells < MIN_REGION_CELLS) {
    throw new ToyError({ id: 'toy.error.empty' });
  }
  const rng = createRng(seed);
  const out = new Float32Array(2 * n);
  const { size, cells } = mask;
  // Why not "until n accepted": the acceptance rate is the region's area, at least
  // MIN_REGION_CELLS / size², so this many tries is ample, and the loop is bounded either way.
  const maxTries = Math.ceil((n * cells.length * 50) / regionCells);
  let kept = 0;
  for (let tries = 0; kept < n && tries < maxTries; tries++) {
    // Rounded to float32 before the test, so the stored point is exactly the one tested.
    const x = Math.fround(rng());
    const y = Math.fround(rng());
    if (x < 1 && y < 1 && cells[Math.floor(y * size) * size + Math.floor(x * size)] === 1) {
      out[2 * kept] = x;
      out[2 * kept + 1] = y;
      kept++;
    }
  }
  if (kept < n) throw new ToyError({ id: 'toy.error.tooSmall' });
  return out;
}
