import type { TimelineState } from './use-timeline';

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/**
 * The training timeline: scrub the map, the decoded grid, the preview and the 3-D view back to any
 * kept epoch of the run that made the current model, or replay the run epoch by epoch.
 */
export function TimelineCard({ timeline }: { timeline: TimelineState }) {
  const { info, epoch } = timeline;
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
    >
      <h2 id="timeline-title" className="card-title">
        Training timeline
      </h2>
      <p className="card-intro muted">
        Every view goes back to the end of the epoch you pick: watch the map organise itself as the model
        learns.
      </p>
      <label className="timeline-slider">
        <span>
          Epoch {shown} of {last.epoch}
          {epoch === null ? ' (the trained model)' : ''}
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
          Back to the trained model
        </button>
      </div>
      <p className="muted timeline-memory">
        {info.epochs.length} epochs kept, {mb(info.bytes)} MB of {mb(info.capBytes)} MB
        {info.thinned ? '; older epochs were thinned to every other one to stay within it' : ''}.
      </p>
      {timeline.error && (
        <p className="notice-inline error" role="alert">
          {timeline.error}
        </p>
      )}
    </section>
  );
}
