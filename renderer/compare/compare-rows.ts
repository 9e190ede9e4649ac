/**
 * The Compare table's figures for one model, from its metrics (the engine scored them on the
 * model's validation split), e.g. `{ nmse: 0.03, rate: 4.1, knn: [0.98, 0.97], … }`.
 */
import type { CompareSlot, Metrics } from '../../shared/api';

export interface CompareRow {
  slot: number;
  name: string;
  nmse: number | null;
  /** Nats per image; null for an autoencoder. */
  rate: number | null;
  /** kNN R² of height and radius. */
  knn: [number, number] | null;
  /** The largest |Spearman ρ| of any latent axis with height, and with radius. */
  spearman: [number, number] | null;
  mig: number | null;
  sap: number | null;
  dci: [number, number, number] | null;
  note: string | null;
  /** Prior samples' precision and recall (a VAE's), or null. */
  samples: [number, number] | null;
}

/** The best |ρ| over the latent axes for each factor. */
export function bestSpearman(m: Metrics): [number, number] {
  const { z1, z2 } = m.spearman;
  return [
    Math.max(Math.abs(z1.height), Math.abs(z2.height)),
    Math.max(Math.abs(z1.radius), Math.abs(z2.radius)),
  ];
}

export function rowOf(model: CompareSlot): CompareRow {
  const m = model.info.metrics;
  const d = m?.disentanglement;
  return {
    slot: model.slot,
    name: model.info.name,
    nmse: m?.valNmse ?? null,
    rate: model.rate,
    knn: m ? [m.knnR2.height, m.knnR2.radius] : null,
    spearman: m ? bestSpearman(m) : null,
    mig: d?.mig ?? null,
    sap: d?.sap ?? null,
    dci: d ? [d.dci.disentanglement, d.dci.completeness, d.dci.informativeness] : null,
    note: d?.note ?? null,
    samples: model.priorSamples ? [model.priorSamples.precision, model.priorSamples.recall] : null,
  };
}

/** A figure as the table shows it: fixed digits, or "—" when there is none. */
export function fig(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);
}
