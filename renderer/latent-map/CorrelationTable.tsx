import { memo } from 'react';
import type { Metrics } from '../../shared/api';

function Cell({ value, title }: { value: number | undefined; title: string }) {
  const v = value ?? NaN;
  const strength = Number.isFinite(v) ? Math.min(1, Math.abs(v)) : 0;
  return (
    <td title={title} style={{ ['--strength' as string]: strength }} className="corr-cell">
      {Number.isFinite(v) ? v.toFixed(2).replace('-', '−') : '–'}
    </td>
  );
}

/**
 * How the latent axes line up with the true factors: the Spearman rank correlation of z₁ and z₂
 * with height and radius, how well z as a whole predicts each factor (kNN R²), and how much one
 * axis alone holds each factor (MIG; SAP and DCI in its tooltip).
 */
export const CorrelationTable = memo(function CorrelationTable({ metrics }: { metrics: Metrics | null }) {
  const s = metrics?.spearman;
  const d = metrics?.disentanglement;
  const summary = d
    ? ` · mean MIG ${d.mig.toFixed(2)}, SAP ${d.sap.toFixed(2)}, DCI disentanglement ${d.dci.disentanglement.toFixed(2)}, completeness ${d.dci.completeness.toFixed(2)}, informativeness ${d.dci.informativeness.toFixed(2)}${d.note ? ` (${d.note})` : ''}`
    : ' (not measured for this model)';
  return (
    <table className="corr-table" aria-label="Correlations of the latent axes with the true factors">
      <thead>
        <tr>
          <th
            scope="col"
            title="Spearman rank correlation ρ on the validation images; |ρ| near 1 means the axis alone orders the images by that factor."
          >
            ρ
          </th>
          <th scope="col">height</th>
          <th scope="col">radius</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">z₁</th>
          <Cell value={s?.z1.height} title="Spearman ρ of z₁ with true height" />
          <Cell value={s?.z1.radius} title="Spearman ρ of z₁ with true radius" />
        </tr>
        <tr>
          <th scope="row">z₂</th>
          <Cell value={s?.z2.height} title="Spearman ρ of z₂ with true height" />
          <Cell value={s?.z2.radius} title="Spearman ρ of z₂ with true radius" />
        </tr>
        <tr className="corr-r2">
          <th
            scope="row"
            title="Held-out R² of predicting the factor from z by kNN regression: does the 2-D code hold the factor at all, along any direction?"
          >
            R²
          </th>
          <Cell value={metrics?.knnR2.height} title="kNN R² of height from z" />
          <Cell value={metrics?.knnR2.radius} title="kNN R² of radius from z" />
        </tr>
        <tr className="corr-mig">
          <th
            scope="row"
            title="Mutual information gap: for each factor, how much more one latent axis tells about it than the other (0–1; 1 = one axis alone holds it). It scores axes, so rotating z lowers it while R² stays."
          >
            MIG
          </th>
          <Cell value={d?.migPerFactor[0]} title={`MIG of height${summary}`} />
          <Cell value={d?.migPerFactor[1]} title={`MIG of radius${summary}`} />
        </tr>
      </tbody>
    </table>
  );
});
