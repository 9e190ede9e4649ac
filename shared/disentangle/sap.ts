/**
 * SAP, the separated attribute predictability (Kumar et al. 2018), for continuous factors as in
 * disentanglement_lib (`sap_score.py`, continuous branch): the score of latent dimension i for
 * factor j is the R² of a linear regression of the factor on that one dimension (its squared
 * correlation; 0 for a constant dimension); SAP is the mean over factors of the gap between the best
 * and the second-best dimension.
 */
import { pairedColumns, isConstant, meanVar } from './columns';

export interface SapResult {
  sap: number;
  /** R² of each single-dimension regression, [latent dimension][factor]. */
  scores: number[][];
  note: string | null;
}

/** R² of the least-squares line from x to y (the squared Pearson correlation); 0 if either is constant. */
export function singleR2(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const mx = meanVar(x);
  const my = meanVar(y);
  if (!(mx.variance > 0) || !(my.variance > 0)) return 0;
  let cov = 0;
  for (let i = 0; i < x.length; i++) cov += ((x[i] as number) - mx.mean) * ((y[i] as number) - my.mean);
  cov /= x.length;
  return Math.min(1, (cov * cov) / (mx.variance * my.variance));
}

/** @example sap(codes, factors, 2, 2).sap // near 1 when each dimension is one factor */
export function sap(
  codes: ArrayLike<number>,
  factors: ArrayLike<number>,
  latentDim: number,
  factorDim: number,
): SapResult {
  const { z, v } = pairedColumns(codes, factors, latentDim, factorDim, 'sap');
  const scores = z.map((zi) => (isConstant(zi) ? v.map(() => 0) : v.map((vj) => singleR2(zi, vj))));
  const gaps = v.map((_, j) => {
    const sorted = scores.map((row) => row[j] as number).sort((a, b) => b - a);
    return (sorted[0] ?? 0) - (sorted[1] ?? 0);
  });
  const note = z.every(isConstant)
    ? 'every latent dimension is constant: the codes carry no information'
    : null;
  return { sap: gaps.length ? gaps.reduce((s, g) => s + g, 0) / gaps.length : 0, scores, note };
}
