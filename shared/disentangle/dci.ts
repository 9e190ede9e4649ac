/**
 * DCI (Eastwood & Williams 2018): disentanglement, completeness and informativeness from an
 * importance matrix R (latent dimension × factor). Here R[i][j] = |w_ij|, the lasso weight of
 * standardised dimension i when regressing standardised factor j on all dimensions (lasso.ts says
 * why lasso), fitted on the first TRAIN_SHARE of the rows; informativeness is the held-out R² on
 * the rest. D and C follow disentanglement_lib (`dci.py`): D = Σ_i ρ_i·(1 − H_K(P_i·)) with ρ_i
 * dimension i's share of all importance and the entropy in base K = number of factors; C = Σ_j ρ_j·(1
 * − H_D(P̃_·j)) with base D = number of dimensions.
 */
import { isConstant, pairedColumns } from './columns';
import { fitLasso } from './lasso';

/** Share of rows the regressions are fitted on; the rest measure informativeness. */
export const TRAIN_SHARE = 0.8;
/** The lasso's least penalty on standardised data. */
export const DCI_ALPHA = 0.05;

/**
 * The penalty for `n` training rows: at least three standard errors of a chance correlation
 * (3/√n), so a dimension that only correlates with a factor by chance gets no importance. Why:
 * importances of pure noise, normalised, could otherwise make D and C look perfect.
 */
export function dciAlpha(n: number): number {
  return Math.max(DCI_ALPHA, 3 / Math.sqrt(Math.max(1, n)));
}

export interface DciResult {
  disentanglement: number;
  completeness: number;
  /** Mean held-out R² over factors (clamped at 0). */
  informativeness: number;
  /** [latent dimension][factor]. */
  importance: number[][];
  note: string | null;
}

/** 1 − entropy of the normalised row `p` in base `base`; 0 for a row of zeros. */
function oneMinusEntropy(p: number[], base: number): number {
  const total = p.reduce((s, x) => s + x, 0);
  if (!(total > 0) || base < 2) return 0;
  let h = 0;
  for (const x of p) if (x > 0) h -= (x / total) * (Math.log(x / total) / Math.log(base));
  return 1 - h;
}

/** @example dci(codes, factors, 2, 2).disentanglement // near 1 when each dimension is one factor */
export function dci(
  codes: ArrayLike<number>,
  factors: ArrayLike<number>,
  latentDim: number,
  factorDim: number,
): DciResult {
  const { z, v, n } = pairedColumns(codes, factors, latentDim, factorDim, 'dci');
  const empty = { disentanglement: 0, completeness: 0, informativeness: 0 };
  const cut = Math.floor(n * TRAIN_SHARE);
  if (cut < 2 || n - cut < 2) {
    return {
      ...empty,
      importance: z.map(() => v.map(() => 0)),
      note: 'too few codes to fit and test a regression',
    };
  }
  if (z.every(isConstant)) {
    return {
      ...empty,
      importance: z.map(() => v.map(() => 0)),
      note: 'every latent dimension is constant: the codes carry no information',
    };
  }
  const trainZ = z.map((c) => c.subarray(0, cut));
  const importance = z.map(() => v.map(() => 0));
  const r2: number[] = [];
  v.forEach((factor, j) => {
    const fit = fitLasso(trainZ, factor.subarray(0, cut), dciAlpha(cut));
    fit.weights.forEach((w, i) => (importance[i]![j] = Math.abs(w)));
    let mean = 0;
    for (let r = cut; r < n; r++) mean += factor[r] as number;
    mean /= n - cut;
    let ssRes = 0;
    let ssTot = 0;
    for (let r = cut; r < n; r++) {
      ssRes += (fit.predict(z, r) - (factor[r] as number)) ** 2;
      ssTot += ((factor[r] as number) - mean) ** 2;
    }
    r2.push(ssTot > 0 ? Math.max(0, 1 - ssRes / ssTot) : 0);
  });
  const total = importance.flat().reduce((s, x) => s + x, 0);
  if (!(total > 0)) {
    return { ...empty, importance, note: 'no latent dimension predicts any factor' };
  }
  const disentanglement = importance.reduce(
    (s, row) => s + (row.reduce((a, b) => a + b, 0) / total) * oneMinusEntropy(row, factorDim),
    0,
  );
  const completeness = v.reduce((s, _, j) => {
    const col = importance.map((row) => row[j] as number);
    return s + (col.reduce((a, b) => a + b, 0) / total) * oneMinusEntropy(col, latentDim);
  }, 0);
  return {
    disentanglement,
    completeness,
    informativeness: r2.reduce((s, x) => s + x, 0) / Math.max(1, r2.length),
    importance,
    note: null,
  };
}
