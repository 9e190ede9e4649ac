// The training replay as a GIF or a video (issue 13): which kept epochs become frames, how large
// the frames are, what each one says. Pure, so it is tested without a page.
import type { Translate } from '../../shared/i18n/translate';

/** At most this many frames: a long run's kept epochs are sampled evenly, first and last included. */
export const REPLAY_MAX_FRAMES = 60;
/** Frames are the map downscaled to at most this width (and at most REPLAY_MAX_HEIGHT high). */
export const REPLAY_MAX_WIDTH = 480;
export const REPLAY_MAX_HEIGHT = 512;
/** Smallest frame side a GIF or a video accepts. */
const MIN_SIDE = 32;

/**
 * The epochs to record, in order: all of them when they fit in `max` frames, else `max` of them
 * evenly spaced, e.g. replayEpochs([1, 2, 3, 4, 5], 3) → [1, 3, 5].
 */
export function replayEpochs(epochs: readonly number[], max = REPLAY_MAX_FRAMES): number[] {
  if (epochs.length <= max) return [...epochs];
  const picked = Array.from(
    { length: max },
    (_, i) => epochs[Math.round((i * (epochs.length - 1)) / (max - 1))]!,
  );
  return [...new Set(picked)];
}

/**
 * The frame size for a map canvas of `width`×`height` pixels: scaled down (never up) to fit
 * REPLAY_MAX_WIDTH × REPLAY_MAX_HEIGHT, sides even (video encoders halve them for colour), e.g.
 * 960×800 → 480×400; null when the map is too small to record (hidden, or under 32 px).
 */
export function replayFrameSize(width: number, height: number): { width: number; height: number } | null {
  if (!(width >= MIN_SIDE && height >= MIN_SIDE)) return null;
  const scale = Math.min(1, REPLAY_MAX_WIDTH / width, REPLAY_MAX_HEIGHT / height);
  const even = (v: number) => Math.max(MIN_SIDE, 2 * Math.floor((v * scale) / 2));
  return { width: even(width), height: even(height) };
}

/** The caption drawn on a frame, worded by `t`, e.g. "epoch 3 / 10". */
export function epochCaption(epoch: number, lastEpoch: number, t: Translate): string {
  return t('training.replay.caption', { epoch, last: lastEpoch });
}

/** Why the replay cannot be recorded now (null: it can): a run trains, the timeline replays, or too few epochs were kept. */
export function replayBlocked({
  training,
  replaying,
  kept,
}: {
  training: boolean;
  replaying: boolean;
  /** Kept epochs of the run. */
  kept: number;
}): 'training' | 'replaying' | 'too-few' | null {
  if (training) return 'training';
  if (replaying) return 'replaying';
  if (kept < 2) return 'too-few';
  return null;
}
