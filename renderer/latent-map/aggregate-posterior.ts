/**
 * A VAE's aggregate posterior q(z) = (1/N) Σᵢ N(z; μᵢ, diag(exp(logVarᵢ))) over the encoded
 * validation images: where the encoder actually puts probability, to be set against the prior
 * N(0, I) the KL term pulls it toward. Evaluated on a grid as a log-density raster, with the
 * log-density levels of its 50/90/99 % highest-density regions; pmodel-overlay.ts hdrContours then
 * traces them. Pure (no DOM).
 */
import type { LatentBounds } from '../../shared/api';
import type { DensityRaster } from './pmodel-overlay';

/** Grid nodes per side: 96² nodes × ~1000 codes, ~10 ms (each code costs 2·96 exps, then adds). */
export const AGGREGATE_GRID = 96;
/**
 * The grid reaches this many σ past every code. Why 4: the levels are read off the grid's own
 * mass, and at 3.5σ the ~0.1 % outside it is a tenth of the 99 % region's 1 % tail, enough to draw
 * that contour visibly too tight; at 4σ it is ~0.01 %.
 */
export const AGGREGATE_MARGIN_SIGMAS = 4;
/**
 * A code's σ is drawn at least this many grid spacings wide. Why: a code much narrower than the
 * grid's spacing falls between nodes and the sum misses or doubles it; at 0.6 spacings the nodes
 * still sum a Gaussian's mass to within ~1 %. It changes only what the grid could not show anyway.
 */
export const MIN_SIGMA_SPACINGS = 0.6;

/**
 * The latent rectangle holding every code's μ ± AGGREGATE_MARGIN_SIGMAS·σ (codes and logVar
 * interleaved, as LatentPoints.codes); null when no code has finite numbers.
 *
 * @example aggregateBounds(Float32Array.of(0, 1), Float32Array.of(0, 0)) // { min: [-4, -3], max: [4, 5] }
 */
export function aggregateBounds(codes: Float32Array, logVar: Float32Array): LatentBounds | null {
  const min: [number, number] = [Infinity, Infinity];
  const max: [number, number] = [-Infinity, -Infinity];
  forEachCode(codes, logVar, (mu, sigma) => {
    for (const k of [0, 1] as const) {
      min[k] = Math.min(min[k], mu[k] - AGGREGATE_MARGIN_SIGMAS * sigma[k]);
      max[k] = Math.max(max[k], mu[k] + AGGREGATE_MARGIN_SIGMAS * sigma[k]);
    }
  });
  return Number.isFinite(min[0]) ? { min, max } : null;
}

/**
 * log q(z) at the nodes of a `cols × rows` grid over `bounds` (row 0 at the bottom, as
 * field-grid.ts), −∞ where every code's density underflows. Codes with non-finite numbers are
 * skipped (and not counted in N). Each σ is at least `minSigma` per axis (see MIN_SIGMA_SPACINGS).
 *
 * Why separable: each code's covariance is diagonal, so its density on the grid is the outer
 * product of one row of column values and one column of row values: 2·96 exps per code, not 96².
 *
 * @example Math.exp(aggregateLogDensity(Float32Array.of(0, 0), Float32Array.of(0, 0), { min: [-1, -1], max: [1, 1] }, 3, 3).values[4]) // 1/(2π) ≈ 0.159
 */
export function aggregateLogDensity(
  codes: Float32Array,
  logVar: Float32Array,
  bounds: LatentBounds,
  cols: number,
  rows: number,
  minSigma: [number, number] = [0, 0],
): DensityRaster {
  const xs = axisNodes(bounds.min[0], bounds.max[0], cols);
  const ys = axisNodes(bounds.min[1], bounds.max[1], rows);
  const sum = new Float64Array(cols * rows);
  const gx = new Float64Array(cols);
  const gy = new Float64Array(rows);
  let n = 0;
  forEachCode(codes, logVar, (mu, sigma) => {
    n++;
    normalOnAxis(xs, mu[0], Math.max(sigma[0], minSigma[0]), gx);
    normalOnAxis(ys, mu[1], Math.max(sigma[1], minSigma[1]), gy);
    for (let row = 0; row < rows; row++) {
      const y = gy[row]!;
      if (y === 0) continue;
      const o = row * cols;
      for (let col = 0; col < cols; col++) sum[o + col]! += gx[col]! * y;
    }
  });
  const values = sum.map((v) => (n > 0 ? Math.log(v / n) : -Infinity));
  return { values, cols, rows, bounds };
}

/**
 * Log-density thresholds of the highest-density regions holding each of `masses`, read off the
 * raster itself: the nodes sorted by density, the threshold for mass m is the density at which
 * their running sum reaches m of the grid's total. The grid must hold (nearly) all of the mass;
 * what it misses is left out of the total. Deterministic, unlike shared/density/hdr.ts's Monte
 * Carlo, which needs a sampler.
 *
 * @example rasterHdrLevels(standardNormalRaster, [0.5]) // ≈ [ln(0.5) − ln(2π)] = [−2.531]
 */
export function rasterHdrLevels(raster: DensityRaster, masses: readonly number[]): number[] {
  const logs = Float64Array.from(raster.values.filter(Number.isFinite)).sort().reverse();
  if (logs.length === 0) return masses.map(() => -Infinity);
  const top = logs[0]!;
  const cumulative = new Float64Array(logs.length);
  let total = 0;
  logs.forEach((v, i) => {
    total += Math.exp(v - top);
    cumulative[i] = total;
  });
  return masses.map((m) => {
    const target = m * total;
    let lo = 0;
    let hi = logs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return logs[lo]!;
  });
}

/**
 * q(z) on an AGGREGATE_GRID² grid over aggregateBounds, and its 50/90/99 % levels (`masses`);
 * null without a finite code or when logVar does not match the codes.
 */
export function aggregatePosterior(
  codes: Float32Array,
  logVar: Float32Array,
  masses: readonly number[],
  size = AGGREGATE_GRID,
): { raster: DensityRaster; levels: number[] } | null {
  if (logVar.length !== codes.length) return null;
  const bounds = aggregateBounds(codes, logVar);
  if (!bounds) return null;
  const spacing = (k: 0 | 1) => (MIN_SIGMA_SPACINGS * (bounds.max[k] - bounds.min[k])) / (size - 1);
  const raster = aggregateLogDensity(codes, logVar, bounds, size, size, [spacing(0), spacing(1)]);
  return { raster, levels: rasterHdrLevels(raster, masses) };
}

/** Calls `f(μ, σ)` for each code whose μ and σ = exp(½·logVar) are finite on both axes. */
function forEachCode(
  codes: Float32Array,
  logVar: Float32Array,
  f: (mu: [number, number], sigma: [number, number]) => void,
): void {
  const count = Math.floor(Math.min(codes.length, logVar.length) / 2);
  for (let i = 0; i < count; i++) {
    const mu: [number, number] = [codes[2 * i]!, codes[2 * i + 1]!];
    const sigma: [number, number] = [Math.exp(0.5 * logVar[2 * i]!), Math.exp(0.5 * logVar[2 * i + 1]!)];
    if (mu.every(Number.isFinite) && sigma.every((s) => Number.isFinite(s) && s > 0)) f(mu, sigma);
  }
}

/** `count` evenly spaced values from `min` to `max`, both included (one: the middle). */
function axisNodes(min: number, max: number, count: number): Float64Array {
  return Float64Array.from({ length: count }, (_, i) =>
    count > 1 ? min + (i * (max - min)) / (count - 1) : (min + max) / 2,
  );
}

/** The 1-D normal density N(x; mu, sigma²) at each of `xs`, written into `out`. */
function normalOnAxis(xs: Float64Array, mu: number, sigma: number, out: Float64Array): void {
  const norm = 1 / (Math.sqrt(2 * Math.PI) * sigma);
  for (let i = 0; i < xs.length; i++) {
    const t = (xs[i]! - mu) / sigma;
    out[i] = norm * Math.exp(-0.5 * t * t);
  }
}
