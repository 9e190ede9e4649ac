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
        Training timeline
      </h2>
      <p className="card-intro muted">
        Every view goes back to the end of the epoch you pick: watch the map organise itself as the model
        learns.{training ? ' The run trains on meanwhile.' : ''}
      </p>
      <label className="timeline-slider">
        <span>
          Epoch {shown} of {last.epoch}
          {epoch === null ? (training ? ' (live)' : ' (the trained model)') : ''}
        </span>
        <input
          type="range"
          min={0}
          max={info.epochs.length - 1}
          step={1}
          value={index}
          aria-label="Epoch"
          aria-valuetext={`Epoch ${shown}`}
          onChange={(e) => timeline.view(info.epochs[Number(e.target.value)]!.epoch)}
        />
      </label>
      <p className="timeline-figures">
        train loss {at.lossTrain.toPrecision(3)} · validation loss {at.lossVal.toPrecision(3)} · NMSE{' '}
        {m.valNmse.toFixed(3)} · kNN R² {m.knnR2.height.toFixed(2)} / {m.knnR2.radius.toFixed(2)}
      </p>
      <div className="button-row">
        <button type="button" className="btn" onClick={timeline.replay} aria-pressed={timeline.replaying}>
          {timeline.replaying ? 'Stop replay' : 'Replay the run'}
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          disabled={epoch === null}
          onClick={() => timeline.view(null)}
        >
          {training ? 'Back to the live run' : 'Back to the trained model'}
        </button>
      </div>
      <ReplayExport timeline={timeline} save={onSaveMade} />
      <label className="inline-field timeline-trails">
        Trails from
        <select
          aria-label="Trails from epoch"
          value={timeline.trailFrom ?? ''}
          onChange={(e) => timeline.setTrailFrom(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">no trails</option>
          {info.epochs.map((e) => (
            <option key={e.epoch} value={e.epoch}>
              epoch {e.epoch}
            </option>
          ))}
        </select>
      </label>
      {timeline.trailFrom !== null && (
        <p className="muted timeline-trails-note">
          Each line runs from a point’s code at epoch {timeline.trailFrom} to where it is at epoch {shown}.
        </p>
      )}
      <p className="muted timeline-memory">
        {info.epochs.length} epochs kept, {mb(info.bytes)} MB of {mb(info.capBytes)} MB
        {info.thinned ? '; older epochs were thinned to every other one to stay within it' : ''}.
      </p>
      {onSaveWithTimeline && (
        <div className="button-row">
          <button
            type="button"
            className="btn"
            disabled={training || epoch !== null || saving}
            title={
              training
                ? 'Save once the run ends.'
                : epoch !== null
                  ? 'Go back to the trained model first: the file holds the trained model and its timeline.'
                  : undefined
            }
            onClick={onSaveWithTimeline}
          >
            Save with timeline
          </button>
          <span className="muted" data-testid="timeline-saved-size" data-bytes={info.savedBytes}>
            the model file with its {info.epochs.length} epochs: about {mb(info.savedBytes)} MB larger
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
