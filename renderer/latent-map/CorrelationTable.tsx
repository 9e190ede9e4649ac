import { memo } from 'react';
import type { Metrics } from '../../shared/api';
import type { Factor } from '../../shared/factors';
import type { MessageId } from '../../shared/i18n/catalogs';
import { useT } from '../i18n/I18nProvider';

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
  const t = useT();
  const s = metrics?.spearman;
  const d = metrics?.disentanglement;
  const summary = d
    ? t('map.corr.summary', {
        mig: d.mig.toFixed(2),
        sap: d.sap.toFixed(2),
        disentanglement: d.dci.disentanglement.toFixed(2),
        completeness: d.dci.completeness.toFixed(2),
        informativeness: d.dci.informativeness.toFixed(2),
      }) + (d.note ? t('map.corr.summary.note', { note: d.note }) : '')
    : t('map.corr.unmeasured');
  const factor = { height: t('map.factor.height'), radius: t('map.factor.radius') };
  const rho = (axis: MessageId, f: Factor) => t('map.corr.cell.rho', { axis: t(axis), factor: factor[f] });
  return (
    <table className="corr-table" aria-label={t('map.corr.label')}>
      <thead>
        <tr>
          <th scope="col" title={t('map.corr.rho.hint')}>
            {t('map.corr.rho')}
          </th>
          <th scope="col">{factor.height}</th>
          <th scope="col">{factor.radius}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t('map.corr.z1')}</th>
          <Cell value={s?.z1.height} title={rho('map.corr.z1', 'height')} />
          <Cell value={s?.z1.radius} title={rho('map.corr.z1', 'radius')} />
        </tr>
        <tr>
          <th scope="row">{t('map.corr.z2')}</th>
          <Cell value={s?.z2.height} title={rho('map.corr.z2', 'height')} />
          <Cell value={s?.z2.radius} title={rho('map.corr.z2', 'radius')} />
        </tr>
        <tr className="corr-r2">
          <th scope="row" title={t('map.corr.r2.hint')}>
            {t('map.corr.r2')}
          </th>
          <Cell value={metrics?.knnR2.height} title={t('map.corr.cell.r2', { factor: factor.height })} />
          <Cell value={metrics?.knnR2.radius} title={t('map.corr.cell.r2', { factor: factor.radius })} />
        </tr>
        <tr className="corr-mig">
          <th scope="row" title={t('map.corr.mig.hint')}>
            {t('map.corr.mig')}
          </th>
          <Cell
            value={d?.migPerFactor[0]}
            title={t('map.corr.cell.mig', { factor: factor.height, summary })}
          />
          <Cell
            value={d?.migPerFactor[1]}
            title={t('map.corr.cell.mig', { factor: factor.radius, summary })}
          />
        </tr>
      </tbody>
    </table>
  );
});
