import type { Translate } from '../../shared/i18n/translate';
import { useT } from '../i18n/I18nProvider';
import { familyName } from './density-words';
import type { LikelihoodRow } from './generate-compute';
import { formatNats } from './format';

/**
 * Each family's mean log-likelihood per code (nats) on the training codes it was fitted to and on
 * the held-out validation codes, side by side: overfitting shows as a gap, the MLE box as −∞.
 */
export function LikelihoodTable({ rows }: { rows: LikelihoodRow[] | null }) {
  const t = useT();
  return (
    <table className="gen-table" aria-label={t('generate.table')} data-ready={rows !== null}>
      <caption>{t('generate.table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('generate.table.pmodel')}</th>
          <th scope="col">{t('generate.table.train')}</th>
          <th scope="col">{t('generate.table.heldOut')}</th>
        </tr>
      </thead>
      <tbody>
        {(rows ?? []).map((row) => (
          <tr key={row.family} data-family={row.family}>
            <th scope="row">{familyName(t, row.family)}</th>
            {row.reason !== null ? (
              <td colSpan={2} className="gen-muted">
                {reasonText(t, row.reason)}
              </td>
            ) : (
              <>
                <td data-split="train">{formatNats(row.train ?? NaN)}</td>
                <td data-split="val" data-outside={row.valOutside}>
                  {formatNats(row.val ?? NaN)}
                  {row.valOutside > 0 && (
                    <span className="gen-outside">
                      {' '}
                      {t('generate.table.outside', { count: row.valOutside })}
                    </span>
                  )}
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Why a family has no numbers, worded (the worker says which case, or a fit's own message). */
function reasonText(t: Translate, reason: NonNullable<LikelihoodRow['reason']>): string {
  switch (reason.kind) {
    case 'vae-only':
      return t('generate.vaeOnly');
    case 'not-generative':
      return t('generate.notGenerative');
    case 'failed':
      return reason.message;
  }
}
