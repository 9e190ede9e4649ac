import type { TrainProgress } from '../../shared/api';

/** "1:05" from seconds; "–" when unknown. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}` : `${m}:${String(s % 60).padStart(2, '0')}`;
}

/** Fraction of the run done, from epoch and step. */
export function runFraction(p: TrainProgress): number {
  const perEpoch = Math.max(p.stepsPerEpoch, 1);
  return Math.min(1, Math.max(0, (p.epoch - 1 + p.step / perEpoch) / Math.max(p.epochs, 1)));
}

/** The run's progress bar (role progressbar) with epoch, throughput and time left. */
export function TrainProgressBar({ progress, label }: { progress: TrainProgress | null; label: string }) {
  const fraction = progress ? runFraction(progress) : 0;
  const text = progress
    ? `Epoch ${progress.epoch} of ${progress.epochs} · ${Math.round(progress.samplesPerSecond).toLocaleString('en-US')} samples/s · ETA ${formatDuration(progress.etaSeconds)}`
    : 'Preparing the data set and the model…';
  return (
    <div className="progress">
      <div className="progress-head">
        <span className="progress-label">{label}</span>
        <span className="progress-percent">{Math.round(fraction * 100)}%</span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuetext={text}
        data-epoch={progress?.epoch ?? 0}
      >
        <div className="progress-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
      <p className="progress-text">{text}</p>
      {progress && (
        <p className="progress-losses">
          <span className="swatch-train" aria-hidden="true" /> train loss {progress.lossTrain.toPrecision(3)}
          {progress.lossVal !== null && (
            <>
              {' '}
              · <span className="swatch-val" aria-hidden="true" /> validation {progress.lossVal.toPrecision(3)}
            </>
          )}
        </p>
      )}
    </div>
  );
}
