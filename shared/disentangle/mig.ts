/**
 * MIG, the mutual information gap (Chen et al. 2018), computed as disentanglement_lib does
 * (`mig.py`, `utils.histogram_discretize`, `utils.discrete_mutual_info`, `utils.discrete_entropy`):
 * every latent dimension and every factor is cut into 20 equal-width bins over its observed range;
 * the mutual information of each (dimension, factor) pair comes from their contingency table
 * (natural log, as sklearn's mutual_info_score); for each factor the gap between the largest and the
 * second-largest MI over the dimensions is divided by the factor's entropy; MIG is the mean of those.
 */
import { pairedColumns, isConstant } from './columns';

export const MIG_BINS = 20;

/**
 * Bin indices 0..bins−1 of a column, as numpy's `digitize(x, histogram(x, bins)[1][:-1]) − 1`: equal
 * widths over [min, max], the maximum in the last bin. A constant column is all in bin 0.
 */
export function discretize(col: ArrayLike<number>, bins = MIG_BINS): Int32Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < col.length; i++) {
    const v = col[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const out = new Int32Array(col.length);
  const width = (hi - lo) / bins;
  if (!(width > 0)) return out;
  for (let i = 0; i < col.length; i++) {
    const k = Math.floor(((col[i] as number) - lo) / width);
    out[i] = Math.min(bins - 1, Math.max(0, k));
  }
  return out;
}

/** Mutual information (nats) of two discrete labelings of the same samples. */
export function mutualInformation(a: Int32Array, b: Int32Array, bins = MIG_BINS): number {
  const n = a.length;
  if (n === 0) return 0;
  const joint = new Float64Array(bins * bins);
  const pa = new Float64Array(bins);
  const pb = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    joint[(a[i] as number) * bins + (b[i] as number)]! += 1;
    pa[a[i] as number]! += 1;
    pb[b[i] as number]! += 1;
  }
  let mi = 0;
  for (let x = 0; x < bins; x++) {
    for (let y = 0; y < bins; y++) {
      const nxy = joint[x * bins + y] as number;
      if (nxy === 0) continue;
      mi += (nxy / n) * Math.log((nxy * n) / ((pa[x] as number) * (pb[y] as number)));
    }
  }
  return Math.max(0, mi);
}

/** Entropy (nats) of a discrete labeling. */
export function entropy(a: Int32Array, bins = MIG_BINS): number {
  return mutualInformation(a, a, bins);
}

export interface MigResult {
  /** The mean gap over factors whose entropy is positive; 0 when none (see `note`). */
  mig: number;
  /** Per factor: (largest − second-largest MI) ÷ entropy. */
  perFactor: number[];
  /** MI (nats), [latent dimension][factor]. */
  mutualInfo: number[][];
  /** Set when the score is degenerate (constant codes or factors), saying why. */
  note: string | null;
}

/**
 * MIG of interleaved `codes` (latentDim per row) against interleaved `factors` (factorDim per row).
 *
 * @example mig(codes, factors, 2, 2).mig // near 1 when each dimension is one factor
 */
export function mig(
  codes: ArrayLike<number>,
  factors: ArrayLike<number>,
  latentDim: number,
  factorDim: number,
): MigResult {
  const { z, v } = pairedColumns(codes, factors, latentDim, factorDim, 'mig');
  const zBins = z.map((c) => discretize(c));
  const vBins = v.map((c) => discretize(c));
  const mutualInfo = zBins.map((zb) => vBins.map((vb) => mutualInformation(zb, vb)));
  const perFactor: number[] = [];
  let note: string | null = null;
  if (z.every(isConstant)) note = 'every latent dimension is constant: the codes carry no information';
  for (let j = 0; j < factorDim; j++) {
    const h = entropy(vBins[j]!);
    if (!(h > 0)) {
      note ??= `factor ${j + 1} is constant on these images: it has no entropy to explain`;
      perFactor.push(0);
      continue;
    }
    const sorted = mutualInfo.map((row) => row[j] as number).sort((a, b) => b - a);
    perFactor.push(((sorted[0] ?? 0) - (sorted[1] ?? 0)) / h);
  }
  const mean = perFactor.length ? perFactor.reduce((s, x) => s + x, 0) / perFactor.length : 0;
  return { mig: Number.isFinite(mean) ? mean : 0, perFactor, mutualInfo, note };
}
