import type { TrainProgress } from '../../shared/api';
import { useT } from '../i18n/I18nProvider';

/** "1:05" from seconds; "–" when unknown. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return m >= 60
    ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
    : `${m}:${String(s % 60).padStart(2, '0')}`;
}

/** Fraction of the run done, from epoch and step. */
export function runFraction(p: TrainProgress): number {
  const perEpoch = Math.max(p.stepsPerEpoch, 1);
  return Math.min(1, Math.max(0, (p.epoch - 1 + p.step / perEpoch) / Math.max(p.epochs, 1)));
}

/**
 * The run's progress bar (role progressbar) with epoch, throughput and time left. `showEta` is false
 * when the run is paused, stopping or over: no time left is shown then.
 */
export function TrainProgressBar({
  progress,
  label,
  showEta = true,
}: {
  progress: TrainProgress | null;
  label: string;
  showEta?: boolean;
}) {
  const t = useT();
  const fraction = progress ? runFraction(progress) : 0;
  const text = progress
    ? t(showEta ? 'training.progress.textEta' : 'training.progress.text', {
        epoch: progress.epoch,
        epochs: progress.epochs,
        rate: Math.round(progress.samplesPerSecond),
        eta: formatDuration(progress.etaSeconds),
      })
    : t('training.progress.preparing');
  return (
    <div className="progress">
      <div className="progress-head">
        <span className="progress-label">{label}</span>
        <span className="progress-percent">{Math.round(fraction * 100)}%</span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={t('training.progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuetext={text}
        data-epoch={progress?.epoch ?? 0}
        data-paused={progress?.paused ? 'true' : 'false'}
      >
        <div className="progress-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
      {progress ? (
        <dl className="progress-stats">
          <div>
            <dt>{t('training.progress.epoch')}</dt>
            <dd>
              {progress.epoch} / {progress.epochs}
            </dd>
          </div>
          <div>
            <dt>{t('training.progress.samples')}</dt>
            <dd>{Math.round(progress.samplesPerSecond).toLocaleString('en-US')}</dd>
          </div>
          {showEta && (
            <div>
              <dt>{t('training.progress.eta')}</dt>
              <dd>{formatDuration(progress.etaSeconds)}</dd>
            </div>
          )}
          <div>
            <dt>
              <span className="swatch-train" aria-hidden="true" /> {t('training.progress.trainLoss')}
            </dt>
            <dd>{progress.lossTrain.toPrecision(3)}</dd>
          </div>
          <div>
            <dt>
              <span className="swatch-val" aria-hidden="true" /> {t('training.progress.valLoss')}
            </dt>
            <dd>{progress.lossVal === null ? '–' : progress.lossVal.toPrecision(3)}</dd>
          </div>
        </dl>
      ) : (
        <p className="progress-text">{text}</p>
      )}
    </div>
  );
}
