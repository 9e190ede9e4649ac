import { modelName } from '../explore/model-description';
import type { CompareSlot } from '../../shared/api';
import { useT } from '../i18n/I18nProvider';
import { fig, rowOf } from './compare-rows';

/** One row per filled slot: how well it reconstructs, how much it encodes, how disentangled it is. */
export function CompareTable({ models }: { models: readonly CompareSlot[] }) {
  const t = useT();
  if (models.length === 0) return null;
  const rows = models.map(rowOf);
  return (
    <div className="compare-table-wrap">
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col">{t('compare.table.slot')}</th>
            <th scope="col" title={t('compare.table.nmse.hint')}>
              {t('compare.table.nmse')}
            </th>
            <th scope="col" title={t('compare.table.rate.hint')}>
              {t('compare.table.rate')}
            </th>
            <th scope="col" title={t('compare.table.knn.hint')}>
              {t('compare.table.knn')}
            </th>
            <th scope="col" title={t('compare.table.spearman.hint')}>
              {t('compare.table.spearman')}
            </th>
            <th scope="col" title={t('compare.table.mig.hint')}>
              {t('compare.table.mig')}
            </th>
            <th scope="col" title={t('compare.table.sap.hint')}>
              {t('compare.table.sap')}
            </th>
            <th scope="col" title={t('compare.table.dci.hint')}>
              {t('compare.table.dci')}
            </th>
            <th scope="col" title={t('compare.table.samples.hint')}>
              {t('compare.table.samples')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.slot} data-slot={r.slot}>
              <th scope="row" title={r.note ?? undefined}>
                {r.slot + 1} · {modelName(t, models.find((m) => m.slot === r.slot)!.info)}
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
