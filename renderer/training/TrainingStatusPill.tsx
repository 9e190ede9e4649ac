import { useT } from '../i18n/I18nProvider';
import { isActive, type TrainingState } from '../state/training-reducer';
import { runFraction } from './TrainProgressBar';
import './status-pill.css';

/** A compact training status in the header (any tab), which opens the training panel. */
export function TrainingStatusPill({ state, onOpen }: { state: TrainingState; onOpen(): void }) {
  const t = useT();
  if (!isActive(state.status)) return null;
  const p = state.progress;
  const text =
    state.status === 'stopping'
      ? t('training.pill.stopping')
      : p
        ? t('training.pill.epoch', {
            epoch: p.epoch,
            epochs: p.epochs,
            percent: Math.round(runFraction(p) * 100),
          })
        : t('training.pill.starting');
  return (
    <button
      type="button"
      className="status-pill"
      onClick={onOpen}
      title={t('training.pill.title')}
      data-epoch={p?.epoch ?? 0}
      data-testid="training-pill"
    >
      <span className={state.status === 'paused' ? 'pulse paused' : 'pulse'} aria-hidden="true" />
      {state.status === 'paused' ? t('training.status.paused') : text}
    </button>
  );
}
