import { memo, useState } from 'react';
import type { TrainConfig } from '../../shared/train-config';
import { isActive } from '../state/training-reducer';
import type { Training } from '../state/use-training';
import { ConfigSummary } from './ConfigSummary';
import { LossChart } from './LossChart';
import { TrainConfigForm } from './TrainConfigForm';
import { formatDuration, TrainProgressBar } from './TrainProgressBar';
import type { ConfigDraft } from './validate-config';
import './training.css';

interface TrainingPanelProps {
  training: Training;
  draft: ConfigDraft;
  onDraft(d: ConfigDraft): void;
}

const STATUS_LABEL = {
  idle: 'Ready',
  starting: 'Starting…',
  running: 'Training',
  paused: 'Paused',
  stopping: 'Stopping after this step…',
  finished: 'Finished',
  failed: 'Failed',
} as const;

/** Live training: the config form, Train / Pause / Resume / Stop, progress, loss curves and errors. */
export const TrainingPanel = memo(function TrainingPanel({ training, draft, onDraft }: TrainingPanelProps) {
  const { state } = training;
  const active = isActive(state.status);
  const [editing, setEditing] = useState(!active && state.status !== 'finished');
  const epochs = state.progress?.epochs ?? (Number(draft.epochs) || 1);
  const start = (config: TrainConfig) => {
    setEditing(false);
    void training.start(config);
  };
  return (
    <section className="panel card training-panel" aria-labelledby="training-title">
      <h2 id="training-title" className="card-title">
        Train a new model
      </h2>
      {editing && !active ? (
        <>
          <p className="card-intro">
            The encoder squeezes each image into 2 numbers; the decoder f learns to redraw it. Watch the
            points organise themselves on the map as it learns.
          </p>
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
              {state.pending === 'resume' ? 'Resuming…' : 'Resume'}
            </button>
          ) : (
            <button
              type="button"
              className="btn"
              onClick={training.pause}
              disabled={state.status !== 'running' || state.pending === 'pause'}
            >
              {state.pending === 'pause' ? 'Pausing…' : 'Pause'}
            </button>
          )}
          <button
            type="button"
            className="btn btn-danger"
            onClick={training.stop}
            disabled={state.status === 'stopping'}
          >
            Stop
          </button>
        </div>
      )}
      {(active || state.progress) && (
        <TrainProgressBar
          progress={state.progress}
          label={
            state.status === 'finished' && state.result?.stopped ? 'Stopped' : STATUS_LABEL[state.status]
          }
          showEta={state.status === 'running' || state.status === 'starting'}
        />
      )}
      {state.lossTrain.length > 0 && (
        <LossChart train={state.lossTrain} val={state.lossVal} epochs={epochs} />
      )}
      {state.status === 'finished' && state.result && (
        <p className="notice-inline success" role="status">
          {state.result.stopped ? 'Stopped' : 'Finished'} after {state.result.epochs} epochs in{' '}
          {formatDuration(state.result.trainSeconds)}. The map now shows this model.
        </p>
      )}
      {state.error && (
        <div className="notice-inline error" role="alert">
          <p>{state.error}</p>
          {state.status === 'failed' && <p className="muted">The previous model was kept.</p>}
          <button type="button" className="btn btn-quiet" onClick={training.dismissError}>
            Dismiss
          </button>
        </div>
      )}
    </section>
  );
});
