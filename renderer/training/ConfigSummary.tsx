import { useT } from '../i18n/I18nProvider';
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
  const t = useT();
  const kind =
    draft.kind === 'vae' ? t('training.summary.vae', { beta: draft.beta }) : t('training.summary.ae');
  return (
    <div className="config-summary">
      <p>
        {t('training.summary.line', {
          kind,
          size: draft.imageSize,
          images: Number(draft.datasetSize),
          epochs: Number(draft.epochs),
          lr: draft.learningRate,
          seed: draft.seed,
          align: draft.align,
        })}
      </p>
      {canEdit && (
        <button type="button" className="btn btn-quiet" onClick={onEdit}>
          {t('training.summary.newRun')}
        </button>
      )}
    </div>
  );
}
