/**
 * Disentanglement scores of a representation against the true factors (issue 12): MIG, SAP and
 * DCI, pure TypeScript for both sides (the engine reports them per epoch; the renderer shows them).
 */
import { dci, type DciResult } from './dci';
import { mig } from './mig';
import { sap } from './sap';

export { alignAngle, rotateCodes } from './align';
export { columnsOf } from './columns';
export { dci, DCI_ALPHA, dciAlpha, type DciResult, TRAIN_SHARE } from './dci';
export { fitLasso } from './lasso';
export { discretize, entropy, mig, MIG_BINS, type MigResult, mutualInformation } from './mig';
export { sap, type SapResult, singleR2 } from './sap';

export interface Disentanglement {
  mig: number;
  /** MIG of each factor (in factor order: height, radius), whose mean is `mig`. */
  migPerFactor: number[];
  sap: number;
  dci: { disentanglement: number; completeness: number; informativeness: number };
  /** Why a score is 0 for want of information (constant codes or factors), else null. */
  note: string | null;
}

/** All three scores of interleaved codes (latentDim per row) against interleaved factors. */
export function disentanglement(
  codes: ArrayLike<number>,
  factors: ArrayLike<number>,
  latentDim = 2,
  factorDim = 2,
): Disentanglement {
  const m = mig(codes, factors, latentDim, factorDim);
  const s = sap(codes, factors, latentDim, factorDim);
  const d: DciResult = dci(codes, factors, latentDim, factorDim);
  return {
    mig: m.mig,
    migPerFactor: m.perFactor,
    sap: s.sap,
    dci: {
      disentanglement: d.disentanglement,
      completeness: d.completeness,
      informativeness: d.informativeness,
    },
    note: m.note ?? s.note ?? d.note,
  };
}
