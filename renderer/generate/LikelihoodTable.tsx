import { familyLabel } from '../../shared/density';
import { countOf } from '../../shared/wording';
import type { LikelihoodRow } from './generate-compute';
import { formatNats } from './format';

/**
 * Each family's mean log-likelihood per code (nats) on the training codes it was fitted to and on
 * the held-out validation codes, side by side: overfitting shows as a gap, the MLE box as −∞.
 */
export function LikelihoodTable({ rows }: { rows: LikelihoodRow[] | null }) {
  return (
    <table className="gen-table" aria-label="Likelihood table" data-ready={rows !== null}>
      <caption>Mean log-likelihood per code (nats)</caption>
      <thead>
        <tr>
          <th scope="col">p_model</th>
          <th scope="col">train</th>
          <th scope="col">held-out</th>
        </tr>
      </thead>
      <tbody>
        {(rows ?? []).map((row) => (
          <tr key={row.family} data-family={row.family}>
            <th scope="row">{familyLabel(row.family)}</th>
            {row.reason !== null ? (
              <td colSpan={2} className="gen-muted">
                {row.reason}
              </td>
            ) : (
              <>
                <td data-split="train">{formatNats(row.train ?? NaN)}</td>
                <td data-split="val" data-outside={row.valOutside}>
                  {formatNats(row.val ?? NaN)}
                  {row.valOutside > 0 && (
                    <span className="gen-outside"> ({countOf(row.valOutside, 'held-out code')} outside)</span>
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
