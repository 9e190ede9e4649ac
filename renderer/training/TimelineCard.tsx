import { useT } from '../i18n/I18nProvider';
import { ReplayExport } from './ReplayExport';
import type { SaveReplay } from './use-replay-export';
import type { TimelineState } from './use-timeline';

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/**
 * The training timeline: scrub the map, the decoded grid, the preview and the 3-D view back to any
 * kept epoch of the run that made the current model, or replay the run epoch by epoch.
 */
export function TimelineCard({
  timeline,
  onSaveMade,
  onSaveWithTimeline,
  saving = false,
}: {
  timeline: TimelineState;
  /** Saves the replay the card records (a dialog or a download). */
  onSaveMade: SaveReplay;
  /** Saves the model with its timeline (Save model saves it without). */
  onSaveWithTimeline?: () => void;
  /** A save is under way. */
  saving?: boolean;
}) {
  const t = useT();
  const { info, epoch, training } = timeline;
  if (!info || info.epochs.length === 0) return null;
  const last = info.epochs.at(-1)!;
  const shown = epoch ?? last.epoch;
  const index = Math.max(
    0,
    info.epochs.findIndex((e) => e.epoch === shown),
  );
  const at = info.epochs[index]!;
  const m = at.metrics;
  return (
    <section
      className="panel card timeline-card"
      aria-labelledby="timeline-title"
      data-testid="timeline"
      data-epoch={shown}
      data-viewing={timeline.viewing ?? 'end'}
    >
      <h2 id="timeline-title" className="card-title">
        {t('training.timeline.title')}
      </h2>
      <p className="card-intro muted">
        {t('training.timeline.intro', { training: training ? 'yes' : 'no' })}
      </p>
      <label className="timeline-slider">
        <span>
          {t('training.timeline.slider', {
            epoch: shown,
            last: last.epoch,
            state: epoch !== null ? 'picked' : training ? 'live' : 'trained',
          })}
        </span>
        <input
          type="range"
          min={0}
          max={info.epochs.length - 1}
          step={1}
          value={index}
          aria-label={t('training.timeline.epoch')}
          aria-valuetext={t('training.timeline.epochValue', { epoch: shown })}
          onChange={(e) => timeline.view(info.epochs[Number(e.target.value)]!.epoch)}
        />
      </label>
      <p className="timeline-figures">
        {t('training.timeline.figures', {
          train: at.lossTrain.toPrecision(3),
          val: at.lossVal.toPrecision(3),
          nmse: m.valNmse.toFixed(3),
          height: m.knnR2.height.toFixed(2),
          radius: m.knnR2.radius.toFixed(2),
        })}
      </p>
      <div className="button-row">
        <button type="button" className="btn" onClick={timeline.replay} aria-pressed={timeline.replaying}>
          {t(timeline.replaying ? 'training.timeline.stopReplay' : 'training.timeline.replay')}
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          disabled={epoch === null}
          onClick={() => timeline.view(null)}
        >
          {t(training ? 'training.timeline.backLive' : 'training.timeline.backTrained')}
        </button>
      </div>
      <ReplayExport timeline={timeline} save={onSaveMade} />
      <label className="inline-field timeline-trails">
        {t('training.timeline.trailsFrom')}
        <select
          aria-label={t('training.timeline.trailsFromEpoch')}
          value={timeline.trailFrom ?? ''}
          onChange={(e) => timeline.setTrailFrom(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">{t('training.timeline.noTrails')}</option>
          {info.epochs.map((e) => (
            <option key={e.epoch} value={e.epoch}>
              {t('training.timeline.trailEpoch', { epoch: e.epoch })}
            </option>
          ))}
        </select>
      </label>
      {timeline.trailFrom !== null && (
        <p className="muted timeline-trails-note">
          {t('training.timeline.trailsNote', { from: timeline.trailFrom, to: shown })}
        </p>
      )}
      <p className="muted timeline-memory">
        {t('training.timeline.memory', {
          count: info.epochs.length,
          mb: mb(info.bytes),
          cap: mb(info.capBytes),
          thinned: info.thinned ? 'yes' : 'no',
        })}
      </p>
      {onSaveWithTimeline && (
        <div className="button-row">
          <button
            type="button"
            className="btn"
            disabled={training || epoch !== null || saving}
            title={
              training
                ? t('training.timeline.saveWhileTraining')
                : epoch !== null
                  ? t('training.timeline.saveGoBack')
                  : undefined
            }
            onClick={onSaveWithTimeline}
          >
            {t('training.timeline.save')}
          </button>
          <span className="muted" data-testid="timeline-saved-size" data-bytes={info.savedBytes}>
            {t('training.timeline.savedSize', { count: info.epochs.length, mb: mb(info.savedBytes) })}
          </span>
        </div>
      )}
      {timeline.error && (
        <p className="notice-inline error" role="alert">
          {timeline.error}
        </p>
      )}
    </section>
  );
}
