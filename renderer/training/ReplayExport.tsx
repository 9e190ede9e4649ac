import type { MessageId } from '../../shared/i18n/catalogs';
import type { Translate } from '../../shared/i18n/translate';
import { useT } from '../i18n/I18nProvider';
import { replayBlocked } from './replay-plan';
import { useReplayExport, type ReplayProgress, type SaveReplay } from './use-replay-export';
import type { TimelineState } from './use-timeline';

/**
 * "Save the replay": the latent map at each kept epoch, captioned with its epoch, as an animated
 * GIF or a WebM video for slides. Every view steps through the epochs while it records, then
 * returns to the end of the run.
 */
export function ReplayExport({ timeline, save }: { timeline: TimelineState; save: SaveReplay }) {
  const t = useT();
  const exporter = useReplayExport(timeline, save);
  const { progress, outcome, webmSupport } = exporter;
  const why = replayBlocked({
    training: timeline.training,
    replaying: timeline.replaying,
    kept: timeline.info?.epochs.length ?? 0,
  });
  const blocked = why === null ? null : t(BLOCKED[why]);
  const noVideo = 'reason' in webmSupport ? webmSupport.reason : null;
  return (
    <div className="replay-export" data-testid="replay-export" data-recording={progress ? 'true' : 'false'}>
      <div className="button-row">
        <button
          type="button"
          className="btn"
          disabled={blocked !== null || progress !== null}
          title={blocked ?? t('training.replay.gifTitle')}
          onClick={() => void exporter.record('gif')}
        >
          {t('training.replay.gif')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={blocked !== null || progress !== null || noVideo !== null}
          title={blocked ?? noVideo ?? t('training.replay.webmTitle')}
          onClick={() => void exporter.record('webm')}
        >
          {t('training.replay.webm')}
        </button>
        {progress && (
          <button type="button" className="btn btn-quiet" onClick={exporter.cancel}>
            {t('training.replay.cancel')}
          </button>
        )}
      </div>
      {progress ? (
        <p className="muted" role="status">
          {progressText(progress, t)}
        </p>
      ) : (
        (blocked ?? noVideo) && (
          <p className="muted">{blocked ?? t('training.replay.noVideo', { reason: noVideo })}</p>
        )
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

/** Why the replay cannot be recorded now, by replayBlocked's answer. */
const BLOCKED: Record<NonNullable<ReturnType<typeof replayBlocked>>, MessageId> = {
  training: 'training.replay.blockedTraining',
  replaying: 'training.replay.blockedReplaying',
  'too-few': 'training.replay.blockedTooFew',
};

function progressText(p: ReplayProgress, t: Translate): string {
  if (p.phase === 'recording')
    return t('training.replay.recordingEpoch', { epoch: p.epoch, last: p.lastEpoch });
  return t(p.format === 'gif' ? 'training.replay.encodingGif' : 'training.replay.recordingVideo');
}
