/**
 * From residuals to the chapter's labels: a sample is plausible (C) when it is as close to a true
 * cylinder as the model's own reconstructions usually are, otherwise it looks wrong (A); the
 * (height, radius) cells no plausible sample reaches are what the p_model cannot generate (B).
 */
import type { Judgement } from './bank';

/** 'C': plausible (residual ≤ threshold); 'A': looks wrong. ('B' belongs to cells, not samples.) */
export type SampleLabel = 'A' | 'C';

/** Cells per axis of the coverage map over the (height, radius) square. */
export const COVERAGE_CELLS = 16;
/** The percentile of reconstruction NMSE a plausible sample must not exceed. */
const PLAUSIBLE_PERCENTILE = 0.95;

/**
 * Validation reconstructions that set the plausibility threshold (the first ones of the split, which
 * is in random order). Why a cap: the 95th percentile of 1,000 residuals is steady to a few per
 * cent, while a whole split costs time and, for the app, a 65 MB answer at 64 px × 4,000 images.
 */
export const THRESHOLD_CODES = 1000;

/**
 * The 95th percentile (linear interpolation between order statistics, as numpy's default) of the
 * model's own validation reconstruction NMSE: decode(encode(x)) vs x for true renders x. Why the
 * model's own error: a decoder never reproduces a cylinder exactly, so "plausible" means "as
 * close to a true cylinder as this model's reconstructions of true cylinders are".
 *
 * @param reconResiduals one finite NMSE per validation image (at least one)
 * @example plausibilityThreshold([0.01, 0.02, 0.03]); // 0.029
 */
export function plausibilityThreshold(reconResiduals: ArrayLike<number>): number {
  if (reconResiduals.length === 0)
    throw new Error('plausibilityThreshold needs at least one reconstruction residual');
  const sorted = Float64Array.from(reconResiduals);
  for (let i = 0; i < sorted.length; i++) {
    if (!Number.isFinite(sorted[i]))
      throw new Error(`reconstruction residual ${i} is not finite (${String(sorted[i])})`);
  }
  sorted.sort();
  const position = (sorted.length - 1) * PLAUSIBLE_PERCENTILE;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  const lower = sorted[below] as number;
  return lower + (position - below) * ((sorted[above] as number) - lower);
}

/**
 * Labels each judged sample: 'C' when residual ≤ threshold (equal counts as plausible), else 'A'
 * (a NaN residual is 'A').
 *
 * @example labelSamples([{ height: 0.5, radius: 0.5, residual: 0.2 }], 0.1); // ['A']
 */
export function labelSamples(judgements: readonly Judgement[], threshold: number): SampleLabel[] {
  if (Number.isNaN(threshold)) throw new Error('threshold must be a number, got NaN');
  return judgements.map((j) => (j.residual <= threshold ? 'C' : 'A'));
}

/**
 * Counts plausible ('C') samples per cell of a 16 × 16 grid over the (height, radius) square.
 * Cell of a value v is min(15, floor(v · 16)), so v = 1 falls in the last cell. Counts saturate at
 * 65,535.
 *
 * @returns Uint16Array(256), row-major: count of cell (hCell, rCell) at hCell · 16 + rCell
 * @example coverageGrid([{ height: 0, radius: 1, residual: 0 }], ['C'])[15]; // 1
 */
export function coverageGrid(judgements: readonly Judgement[], labels: readonly SampleLabel[]): Uint16Array {
  if (judgements.length !== labels.length) {
    throw new Error(
      `coverageGrid needs one label per judgement, got ${judgements.length} and ${labels.length}`,
    );
  }
  const grid = new Uint16Array(COVERAGE_CELLS * COVERAGE_CELLS);
  judgements.forEach((j, i) => {
    if (labels[i] !== 'C') return;
    const cell = coverageCell(j.height) * COVERAGE_CELLS + coverageCell(j.radius);
    grid[cell] = Math.min(0xffff, (grid[cell] as number) + 1);
  });
  return grid;
}

/** Cell index 0–15 of a factor value in [0, 1] (clamped). */
export function coverageCell(value: number): number {
  return Math.max(0, Math.min(COVERAGE_CELLS - 1, Math.floor(value * COVERAGE_CELLS)));
}
