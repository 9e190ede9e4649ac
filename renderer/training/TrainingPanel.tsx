import { memo, useState } from 'react';
import type { MessageId } from '../../shared/i18n/catalogs';
import type { Translate } from '../../shared/i18n/translate';
import type { TrainConfig } from '../../shared/train-config';
import { useT } from '../i18n/I18nProvider';
import { isActive, type LossPoint, type TrainingState } from '../state/training-reducer';
import type { Training } from '../state/use-training';
import { ConfigSummary } from './ConfigSummary';
import { longRunQuestion } from './run-estimate';
import { LossChart } from './LossChart';
import { LossTerms } from './LossTerms';
import { TrainConfigForm } from './TrainConfigForm';
import { formatDuration, TrainProgressBar } from './TrainProgressBar';
import type { ConfigDraft } from './validate-config';
import './training.css';

interface TrainingPanelProps {
  training: Training;
  draft: ConfigDraft;
  onDraft(d: ConfigDraft): void;
  /**
   * Asks before the model on screen is replaced by the new run's, when it is trained and unsaved
   * (the question Switch and Open model ask); true when the run may start.
   */
  confirmReplace(): boolean;
}

const STATUS_LABEL: Record<TrainingState['status'], MessageId> = {
  idle: 'training.status.idle',
  starting: 'training.status.starting',
  running: 'training.status.running',
  paused: 'training.status.paused',
  stopping: 'training.status.stopping',
  finished: 'training.status.finished',
  failed: 'training.status.failed',
};

/** The progress bar's label; a stop before the first step has no "this step" to finish. */
function statusLabel(state: TrainingState, t: Translate): string {
  if (state.status === 'finished' && state.result?.stopped) return t('training.status.stopped');
  if (state.status === 'stopping' && !state.progress) return t('training.status.stoppingNow');
  return t(STATUS_LABEL[state.status]);
}

/** Live training: the config form, Train / Pause / Resume / Stop, progress, loss curves and errors. */
export const TrainingPanel = memo(function TrainingPanel({
  training,
  draft,
  onDraft,
  confirmReplace,
}: TrainingPanelProps) {
  const t = useT();
  const { state } = training;
  const active = isActive(state.status);
  const [editing, setEditing] = useState(!active && state.status !== 'finished');
  const epochs = state.progress?.epochs ?? (Number(draft.epochs) || 1);
  const start = (config: TrainConfig) => {
    // A run of hours asks first; so does replacing an unsaved trained model. Declining starts nothing.
    const long = longRunQuestion(config, t);
    if (long !== null && !window.confirm(long)) return;
    if (!confirmReplace()) return;
    setEditing(false);
    void training.start(config);
  };
  return (
    <section className="panel card training-panel" aria-labelledby="training-title">
      <h2 id="training-title" className="card-title">
        {t('training.title')}
      </h2>
      {editing && !active ? (
        <>
          <p className="card-intro">{t('training.intro')}</p>
          <TrainConfigForm draft={draft} onDraft={onDraft} locked={active} onTrain={start} />
        </>
      ) : (
        <ConfigSummary draft={draft} canEdit={!active} onEdit={() => setEditing(true)} />
      )}
      {active && (
        <div className="button-row">
          {state.status === 'paused' ? (
            <button
              type="button"
              className="btn"
              onClick={training.resume}
              disabled={state.pending === 'resume'}
            >
              {t(state.pending === 'resume' ? 'training.resuming' : 'training.resume')}
            </button>
          ) : (
            <button
              type="button"
              className="btn"
              onClick={training.pause}
              disabled={
                (state.status !== 'running' && state.status !== 'starting') || state.pending === 'pause'
              }
            >
              {t(state.pending === 'pause' ? 'training.pausing' : 'training.pause')}
            </button>
          )}
          {/* Never disabled: while stopping, a second press sends the stop again. */}
          <button type="button" className="btn btn-danger" onClick={training.stop}>
            {t('training.stop')}
          </button>
        </div>
      )}
      {(active || state.progress) && (
        <TrainProgressBar
          progress={state.progress}
          label={statusLabel(state, t)}
          showEta={state.status === 'running' || state.status === 'starting'}
        />
      )}
      {state.lossTrain.length > 0 && (
        <LossChart
          train={state.lossTrain}
          val={state.lossVal}
          recon={state.lossRecon}
          kl={weighted(state.lossKl, state.klWeight)}
          epochs={epochs}
        />
      )}
      <LossTerms terms={state.progress?.terms} pixels={(Number(draft.imageSize) || 32) ** 2} />
      {state.status === 'finished' && state.result?.keptPrevious !== undefined && (
        <p className="notice-inline success" role="status">
          {t('training.keptPrevious', { name: state.result.keptPrevious })}
        </p>
      )}
      {state.status === 'finished' && state.result && state.result.keptPrevious === undefined && (
        <p className="notice-inline success" role="status">
          {t('training.done', {
            stopped: state.result.stopped ? 'yes' : 'no',
            epochs: state.result.epochs,
            duration: formatDuration(state.result.trainSeconds),
          })}
        </p>
      )}
      {state.error && (
        <div className="notice-inline error" role="alert">
          <p>{state.error}</p>
          {state.status === 'failed' && <p className="muted">{t('training.failedKept')}</p>}
          <button type="button" className="btn btn-quiet" onClick={training.dismissError}>
            {t('training.dismiss')}
          </button>
        </div>
      )}
    </section>
  );
});

/** A term's points times its weight (β for the KL); none when the weight is not a positive number. */
function weighted(points: LossPoint[], weight: number): LossPoint[] {
  return Number.isFinite(weight) && weight > 0
    ? points.map((p) => ({ epoch: p.epoch, loss: weight * p.loss }))
    : [];
}
