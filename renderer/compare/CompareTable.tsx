import type { CompareSlot } from '../../shared/api';
import { fig, rowOf } from './compare-rows';

/** One row per filled slot: how well it reconstructs, how much it encodes, how disentangled it is. */
export function CompareTable({ models }: { models: readonly CompareSlot[] }) {
  if (models.length === 0) return null;
  const rows = models.map(rowOf);
  return (
    <div className="compare-table-wrap">
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col">Slot · model</th>
            <th scope="col" title="Validation NMSE: reconstruction error ÷ pixel variance (lower is better)">
              NMSE
            </th>
            <th scope="col" title="Rate: mean KL of the posteriors from the prior, nats per image (VAE only)">
              Rate (nats)
            </th>
            <th
              scope="col"
              title="Held-out R² of predicting height and radius from z with k-nearest neighbours"
            >
              kNN R² h / r
            </th>
            <th scope="col" title="The largest |Spearman ρ| of any latent axis with height, and with radius">
              |ρ| h / r
            </th>
            <th scope="col" title="Mutual information gap (20 bins, disentanglement_lib's definition)">
              MIG
            </th>
            <th scope="col" title="Separated attribute predictability: gap in single-axis R²">
              SAP
            </th>
            <th
              scope="col"
              title="DCI (Eastwood & Williams) from lasso weights: disentanglement, completeness, informativeness"
            >
              DCI D / C / I
            </th>
            <th
              scope="col"
              title="256 samples of the prior N(0, I), decoded and judged against the true renderer: the share that looks like a true cylinder (precision) and the share of the (height, radius) square they reach (recall). VAE only."
            >
              Prior samples P / R
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.slot} data-slot={r.slot}>
              <th scope="row" title={r.note ?? undefined}>
                {r.slot + 1} · {r.name}
              </th>
              <td data-metric="nmse">{fig(r.nmse, 3)}</td>
              <td data-metric="rate">{fig(r.rate, 2)}</td>
              <td data-metric="knn">{r.knn ? `${fig(r.knn[0])} / ${fig(r.knn[1])}` : '—'}</td>
              <td data-metric="spearman">
                {r.spearman ? `${fig(r.spearman[0])} / ${fig(r.spearman[1])}` : '—'}
              </td>
              <td data-metric="mig">{fig(r.mig)}</td>
              <td data-metric="sap">{fig(r.sap)}</td>
              <td data-metric="dci">{r.dci ? r.dci.map((v) => fig(v)).join(' / ') : '—'}</td>
              <td data-metric="samples">{r.samples ? `${fig(r.samples[0])} / ${fig(r.samples[1])}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
