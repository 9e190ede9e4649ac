import { replayBlocked } from './replay-plan';
import { useReplayExport, type ReplayProgress, type SaveReplay } from './use-replay-export';
import type { TimelineState } from './use-timeline';

/**
 * "Save the replay": the latent map at each kept epoch, captioned with its epoch, as an animated
 * GIF or a WebM video for slides. Every view steps through the epochs while it records, then
 * returns to the end of the run.
 */
export function ReplayExport({ timeline, save }: { timeline: TimelineState; save: SaveReplay }) {
  const exporter = useReplayExport(timeline, save);
  const { progress, outcome, webmSupport } = exporter;
  const why = replayBlocked({
    training: timeline.training,
    replaying: timeline.replaying,
    kept: timeline.info?.epochs.length ?? 0,
  });
  const blocked =
    why === 'training'
      ? 'Wait until the run has finished training.'
      : why === 'replaying'
        ? 'Stop the replay first.'
        : why === 'too-few'
          ? 'The run kept fewer than 2 epochs: there is nothing to replay.'
          : null;
  const noVideo = 'reason' in webmSupport ? webmSupport.reason : null;
  return (
    <div className="replay-export" data-testid="replay-export" data-recording={progress ? 'true' : 'false'}>
      <div className="button-row">
        <button
          type="button"
          className="btn"
          disabled={blocked !== null || progress !== null}
          title={blocked ?? 'The map at each kept epoch, as a looping GIF'}
          onClick={() => void exporter.record('gif')}
        >
          Replay as GIF
        </button>
        <button
          type="button"
          className="btn"
          disabled={blocked !== null || progress !== null || noVideo !== null}
          title={blocked ?? noVideo ?? 'The map at each kept epoch, as a WebM video'}
          onClick={() => void exporter.record('webm')}
        >
          Replay as WebM
        </button>
        {progress && (
          <button type="button" className="btn btn-quiet" onClick={exporter.cancel}>
            Cancel
          </button>
        )}
      </div>
      {progress ? (
        <p className="muted" role="status">
          {progressText(progress)}
        </p>
      ) : (
        (blocked ?? noVideo) && <p className="muted">{blocked ?? `No WebM video here: ${noVideo}`}</p>
      )}
      {!progress && outcome && (
        <p
          className={outcome.kind === 'error' ? 'notice-inline error' : 'muted'}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
        >
          {outcome.text}
        </p>
      )}
    </div>
  );
}

function progressText(p: ReplayProgress): string {
  if (p.phase === 'recording') return `Recording epoch ${p.epoch} of ${p.lastEpoch}…`;
  return p.format === 'gif' ? 'Encoding the GIF…' : 'Recording the video…';
}
