import { isActive, type TrainingState } from '../state/training-reducer';
import { runFraction } from './TrainProgressBar';
import './status-pill.css';

/** A compact training status in the header (any tab), which opens the training panel. */
export function TrainingStatusPill({ state, onOpen }: { state: TrainingState; onOpen(): void }) {
  if (!isActive(state.status)) return null;
  const p = state.progress;
  const text =
    state.status === 'stopping'
      ? 'Training · stopping…'
      : p
        ? `Training · epoch ${p.epoch}/${p.epochs} · ${Math.round(runFraction(p) * 100)}%`
        : 'Training · starting…';
  return (
    <button
      type="button"
      className="status-pill"
      onClick={onOpen}
      title="Show the training panel"
      data-epoch={p?.epoch ?? 0}
      data-testid="training-pill"
    >
      <span className={state.status === 'paused' ? 'pulse paused' : 'pulse'} aria-hidden="true" />
      {state.status === 'paused' ? 'Paused' : text}
    </button>
  );
}
