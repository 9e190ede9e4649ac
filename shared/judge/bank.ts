/**
 * The judge's eye: the nearest *true* cylinder to any image. Because our renderer is p_data's own
 * generator, a sample decoded from p_model can be compared with the truth: search a precomputed
 * bank of renders over the (height, radius) square, then refine in continuous (height, radius).
 */
import { renderCylinder, validateImageSize } from '../cylinder';
import { variance } from '../stats';
import type { ImageSize } from '../train-config';

/** Bank resolution: 17 × 17 renders (spacing 1/16). Finer banks cost search time and gain nothing, because refinement finishes the job from anywhere within one spacing of the truth. */
export const DEFAULT_BANK_STEPS = 17;
/** Bank resolutions accepted: at least a 2 × 2 grid (the corners), at most 65 × 65 (4,225 renders). */
export const BANK_STEPS_RANGE = [2, 65] as const;
/** Refinement stops when its step in (height, radius) falls below this… */
const REFINE_MIN_STEP = 1e-3;
/** …or after this many rounds (one parabolic step per axis each). */
const REFINE_MAX_ROUNDS = 8;
/** The step shrinks by this factor per round (unless a move went the whole step). */
const REFINE_SHRINK = 4;

/** Renders of true cylinders on a grid over [0,1]², and the scale residuals are measured in. */
export interface JudgeBank {
  imageSize: ImageSize;
  /** Grid points per axis; factor value of index i is i / (steps − 1). */
  steps: number;
  /** steps² renders of imageSize² pixels; render (hi, ri) at offset (hi · steps + ri) · imageSize². */
  renders: Float32Array;
  /** Variance of all bank pixels: the scale of NMSE (a residual of 1 is as far as a typical true image is from the mean grey). */
  pixelVariance: number;
  /** Image rows, most varied across the bank first: the order squared errors are summed in. */
  rowOrder: Int32Array;
  /** Reused render buffer of the refinement, so no image is allocated per candidate. */
  scratch: Float32Array;
}

/** Where a cylinder was judged to be, and how far the image is from it. */
export interface Judgement {
  /** Judged height ĥ in [0, 1]. */
  height: number;
  /** Judged radius r̂ in [0, 1]. */
  radius: number;
  /** NMSE to the render of (ĥ, r̂): mean squared pixel error ÷ bank.pixelVariance; 0 for a true render. */
  residual: number;
}

/**
 * Renders the bank: true cylinders on a steps × steps grid of (height, radius) in [0,1]².
 *
 * @param imageSize 32 or 64, the size of the images it will judge
 * @param steps grid points per axis (default 17; 2–65)
 * @example const bank = createJudgeBank(32); // 289 renders, bank.pixelVariance ≈ 0.1
 */
export function createJudgeBank(imageSize: ImageSize, steps: number = DEFAULT_BANK_STEPS): JudgeBank {
  validateImageSize(imageSize);
  const [minSteps, maxSteps] = BANK_STEPS_RANGE;
  if (!Number.isInteger(steps) || steps < minSteps || steps > maxSteps) {
    throw new Error(`bank steps must be an integer in [${minSteps}, ${maxSteps}], got ${String(steps)}`);
  }
  const pixels = imageSize * imageSize;
  const renders = new Float32Array(steps * steps * pixels);
  for (let hi = 0; hi < steps; hi++) {
    for (let ri = 0; ri < steps; ri++) {
      const offset = (hi * steps + ri) * pixels;
      const factors = { height: hi / (steps - 1), radius: ri / (steps - 1) };
      renderCylinder(factors, imageSize, renders.subarray(offset, offset + pixels));
    }
  }
  return {
    imageSize,
    steps,
    renders,
    pixelVariance: variance(renders),
    rowOrder: rowsByVariance(renders, imageSize),
    scratch: new Float32Array(pixels),
  };
}

/**
 * Judges one image: the nearest true cylinder by squared pixel error (bank search, then
 * parabolic steps in continuous (height, radius), clamped to [0,1]²). Not reentrant across
 * threads: it renders into `bank.scratch` (give each worker its own bank).
 *
 * @param image imageSize² finite pixels, row-major, like renderCylinder's output
 * @example judgeImage(bank, renderCylinder({ height: 0.3, radius: 0.7 })); // { height ≈ 0.3, radius ≈ 0.7, residual ≈ 0 }
 */
export function judgeImage(bank: JudgeBank, image: Float32Array): Judgement {
  checkImages(bank, image, 1);
  return judgeChecked(bank, image);
}

/**
 * Judges `count` images stored back to back (image i at i · imageSize²).
 *
 * @example judgeImages(bank, decoded.images, decoded.count); // Judgement[] of length count
 */
export function judgeImages(bank: JudgeBank, images: Float32Array, count: number): Judgement[] {
  checkImages(bank, images, count);
  const pixels = bank.imageSize * bank.imageSize;
  const out: Judgement[] = [];
  for (let i = 0; i < count; i++) out.push(judgeChecked(bank, images.subarray(i * pixels, (i + 1) * pixels)));
  return out;
}

/**
 * NMSE of two equally sized images on the bank's scale: mean squared difference ÷ pixelVariance.
 * Used for reconstructions (decode(encode(x)) vs x) so they compare with judged residuals.
 *
 * @example residualNmse(bank, x, x); // 0
 */
export function residualNmse(bank: JudgeBank, a: Float32Array, b: Float32Array): number {
  checkImages(bank, a, 1);
  checkImages(bank, b, 1);
  return squaredError(a, b, 0, Infinity, bank.rowOrder) / a.length / bank.pixelVariance;
}

function judgeChecked(bank: JudgeBank, image: Float32Array): Judgement {
  const start = nearestInBank(bank, image);
  const { height, radius, sse } = refine(bank, image, start);
  return { height, radius, residual: sse / image.length / bank.pixelVariance };
}

interface Candidate {
  height: number;
  radius: number;
  /** Sum of squared pixel errors to the candidate's render. */
  sse: number;
}

/** The bank render with the least squared error (ties: the first in bank order). */
function nearestInBank(bank: JudgeBank, image: Float32Array): Candidate {
  const { steps, renders } = bank;
  const pixels = image.length;
  let best: Candidate = { height: 0, radius: 0, sse: Infinity };
  for (let k = 0; k < steps * steps; k++) {
    const sse = squaredError(image, renders, k * pixels, best.sse, bank.rowOrder);
    if (sse < best.sse) {
      best = { height: Math.floor(k / steps) / (steps - 1), radius: (k % steps) / (steps - 1), sse };
    }
  }
  return best;
}

/**
 * Successive parabolic steps, one axis at a time: probe ± step about the best point, jump to the
 * vertex of the parabola through the three errors, keep the best point seen, and shrink the step.
 * Why parabolas: within a pixel of the truth, anti-aliased edges move linearly with the factors,
 * so the squared error is nearly quadratic and a vertex lands close in one jump; a compass search
 * needs several times as many renders (measured). A point tried is kept only if it is better, so
 * the result is never worse than the bank point.
 */
function refine(bank: JudgeBank, image: Float32Array, start: Candidate): Candidate {
  let best = start;
  let step = 1 / (bank.steps - 1) / 2;
  for (let round = 0; round < REFINE_MAX_ROUNDS && step >= REFINE_MIN_STEP; round++) {
    const before = best;
    best = refineAxis(bank, image, best, 'height', step);
    best = refineAxis(bank, image, best, 'radius', step);
    const moved = Math.max(Math.abs(best.height - before.height), Math.abs(best.radius - before.radius));
    // Shrink fast, unless a move went the whole step: then the minimum may lie farther still.
    if (moved < step) step /= REFINE_SHRINK;
  }
  return best;
}

/** One parabolic step along `axis`; returns the best of the centre, both probes and the vertex. */
function refineAxis(
  bank: JudgeBank,
  image: Float32Array,
  centre: Candidate,
  axis: Axis,
  step: number,
): Candidate {
  const x0 = centre[axis];
  const lo = clamp01(x0 - step);
  const hi = clamp01(x0 + step);
  const low = lo < x0 ? evaluate(bank, image, centre, axis, lo) : centre;
  const high = hi > x0 ? evaluate(bank, image, centre, axis, hi) : centre;
  let best = low.sse < centre.sse ? low : centre;
  if (high.sse < best.sse) best = high;
  if (lo < x0 && x0 < hi) {
    const vertex = parabolaVertex(lo, low.sse, x0, centre.sse, hi, high.sse);
    if (vertex !== null && vertex !== best[axis]) {
      const tried = evaluate(bank, image, centre, axis, vertex);
      if (tried.sse < best.sse) best = tried;
    }
  }
  return best;
}

type Axis = 'height' | 'radius';

/** `centre` with `axis` set to `value`, and its squared error (rendered into the bank's scratch buffer). */
function evaluate(
  bank: JudgeBank,
  image: Float32Array,
  centre: Candidate,
  axis: Axis,
  value: number,
): Candidate {
  const factors = { height: centre.height, radius: centre.radius };
  factors[axis] = value;
  renderCylinder(factors, bank.imageSize, bank.scratch);
  return { ...factors, sse: squaredError(image, bank.scratch, 0, Infinity, bank.rowOrder) };
}

/** Minimum of the parabola through (a, fa), (b, fb), (c, fc) with a < b < c, clamped to [a, c]; null unless convex. */
function parabolaVertex(a: number, fa: number, b: number, fb: number, c: number, fc: number): number | null {
  // Convex ⇔ the slopes increase from [a, b] to [b, c].
  if (!((fc - fb) / (c - b) > (fb - fa) / (b - a))) return null;
  const p = (b - a) * (fb - fc);
  const q = (b - c) * (fb - fa);
  const vertex = b - ((b - a) * p - (b - c) * q) / (2 * (p - q));
  return Math.min(c, Math.max(a, vertex));
}

/**
 * Σ (image − reference[offset…])², visiting rows in `rowOrder` and abandoned once the sum exceeds
 * `bound` (then it returns a value > bound, not the full sum). Why the order: most bank renders
 * are far from the image, and the rows where renders differ most reveal that first.
 */
function squaredError(
  image: Float32Array,
  reference: Float32Array,
  offset: number,
  bound: number,
  rowOrder: Int32Array,
): number {
  const width = rowOrder.length;
  let sum = 0;
  for (let r = 0; r < width; r++) {
    const start = (rowOrder[r] as number) * width;
    for (let i = start; i < start + width; i++) {
      const d = (image[i] as number) - (reference[offset + i] as number);
      sum += d * d;
    }
    if (sum > bound) return sum;
  }
  return sum;
}

/** Row indices sorted by the variance of their pixels across the bank, most varied first. */
function rowsByVariance(renders: Float32Array, imageSize: number): Int32Array {
  const pixels = imageSize * imageSize;
  const count = renders.length / pixels;
  const spread = new Float64Array(imageSize);
  for (let row = 0; row < imageSize; row++) {
    let rowSpread = 0;
    for (let p = row * imageSize; p < (row + 1) * imageSize; p++) {
      let mean = 0;
      for (let k = 0; k < count; k++) mean += renders[k * pixels + p] as number;
      mean /= count;
      for (let k = 0; k < count; k++) rowSpread += ((renders[k * pixels + p] as number) - mean) ** 2;
    }
    spread[row] = rowSpread;
  }
  return Int32Array.from({ length: imageSize }, (_, i) => i).sort(
    (a, b) => (spread[b] as number) - (spread[a] as number),
  );
}

/** Throws a clear error unless `images` holds `count` finite images of the bank's size. */
function checkImages(bank: JudgeBank, images: Float32Array, count: number): void {
  const pixels = bank.imageSize * bank.imageSize;
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`count must be a non-negative integer, got ${String(count)}`);
  }
  if (!(images instanceof Float32Array) || images.length !== count * pixels) {
    const got = images instanceof Float32Array ? `length ${images.length}` : String(images);
    throw new Error(
      `expected a Float32Array of ${count} × ${pixels} pixels (imageSize ${bank.imageSize}), got ${got}`,
    );
  }
  for (let i = 0; i < images.length; i++) {
    if (!Number.isFinite(images[i])) throw new Error(`pixel ${i} is not finite (${String(images[i])})`);
  }
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
