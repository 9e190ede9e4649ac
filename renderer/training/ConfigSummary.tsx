import { countOf } from '../../shared/wording';
import type { ConfigDraft } from './validate-config';

/** One line that sums up the config of the run on screen, with a way back to the form. */
export function ConfigSummary({
  draft,
  onEdit,
  canEdit,
}: {
  draft: ConfigDraft;
  onEdit(): void;
  canEdit: boolean;
}) {
  const kind = draft.kind === 'vae' ? `VAE (β ${draft.beta})` : 'Autoencoder';
  return (
    <div className="config-summary">
      <p>
        {kind} · {draft.imageSize} px · {countOf(Number(draft.datasetSize), 'image')} ·{' '}
        {countOf(Number(draft.epochs), 'epoch')} · lr {draft.learningRate} · seed {draft.seed} · λ{' '}
        {draft.align}
      </p>
      {canEdit && (
        <button type="button" className="btn btn-quiet" onClick={onEdit}>
          New run…
        </button>
      )}
    </div>
  );
}
