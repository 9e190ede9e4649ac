import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveResult } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { t } from '../i18n/current';
import { recordWebm } from '../lib/record-webm';
import { pageWebmSupport, webmSizeError } from '../lib/webm';
import { createGifEncoder } from '../walk/export-client';
import { findMapCanvas, settledFrame, waitForPoints } from './map-frames';
import { epochCaption, replayEpochs, replayFrameSize } from './replay-plan';
import { REPLAY_MS_PER_EPOCH, type TimelineState } from './use-timeline';

/** A replay plays at the timeline's own pace. */
const REPLAY_FPS = 1000 / REPLAY_MS_PER_EPOCH;
/** Whether this page records WebM video, asked once. */
const WEBM_SUPPORT = pageWebmSupport();

export type ReplayFormat = 'gif' | 'webm';

/** Saves a file the page made (renderer/api.ts saveExport: a dialog or a download). */
export type SaveReplay = (
  suggestedName: string,
  bytes: Uint8Array,
  format: ReplayFormat,
) => Promise<SaveResult>;

/** Where an export is: grabbing the map at `epoch` (of `lastEpoch`), then making the file. */
export type ReplayProgress =
  | { phase: 'recording'; format: ReplayFormat; epoch: number; lastEpoch: number }
  | { phase: 'encoding'; format: ReplayFormat };

/** How the last export ended, for the user. */
export type ReplayOutcome = { kind: 'saved' | 'error' | 'cancelled'; text: string } | null;

/**
 * Records the training replay of the latent map: each kept epoch is shown (timeline.view), the map
 * is grabbed once it has redrawn, then every view goes back to the end and the frames become an
 * animated GIF (export worker) or a WebM video (MediaRecorder), saved by a dialog or a download.
 */
export function useReplayExport(timeline: TimelineState, save: SaveReplay) {
  const [progress, setProgress] = useState<ReplayProgress | null>(null);
  const [outcome, setOutcome] = useState<ReplayOutcome>(null);
  const abort = useRef<AbortController | null>(null);
  const now = useRef(timeline);
  now.current = timeline;
  // Leaving the card (another tab, a run starting) stops a recording.
  useEffect(() => () => abort.current?.abort(), []);

  const record = useCallback(
    async (format: ReplayFormat) => {
      const controller = new AbortController();
      abort.current = controller;
      setOutcome(null);
      try {
        const frames = await recordFrames(now.current, format, controller.signal, setProgress);
        setProgress({ phase: 'encoding', format });
        const bytes = await encode(format, frames, controller.signal);
        controller.signal.throwIfAborted();
        const name = `latent-atlas-replay.${format}`;
        const saved = await save(name, bytes, format);
        if (saved.saved)
          setOutcome({
            kind: 'saved',
            text: t('training.replay.saved', {
              count: frames.images.length,
              kb: Math.round(bytes.length / 1024),
              path: saved.path ?? name,
            }),
          });
      } catch (err) {
        setOutcome(
          controller.signal.aborted
            ? { kind: 'cancelled', text: t('training.replay.cancelled') }
            : { kind: 'error', text: t('training.replay.failed', { error: errorMessage(err) }) },
        );
      } finally {
        if (abort.current === controller) abort.current = null;
        setProgress(null);
      }
    },
    [save],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { progress, outcome, record, cancel, webmSupport: WEBM_SUPPORT };
}

interface Frames {
  images: ImageData[];
  width: number;
  height: number;
}

/** Shows each planned epoch in turn and grabs the map; always goes back to the end after. */
async function recordFrames(
  timeline: TimelineState,
  format: ReplayFormat,
  signal: AbortSignal,
  onProgress: (p: ReplayProgress) => void,
): Promise<Frames> {
  const kept = timeline.info?.epochs.map((e) => e.epoch) ?? [];
  const lastEpoch = kept.at(-1) ?? 0;
  const epochs = replayEpochs(kept);
  const map = findMapCanvas();
  const size = map && replayFrameSize(map.width, map.height);
  if (!size) throw new Error(t('training.replay.noMap'));
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error(t('training.replay.noDraw'));
  const images: ImageData[] = [];
  let shown = timeline.epoch ?? lastEpoch;
  try {
    for (const epoch of epochs) {
      onProgress({ phase: 'recording', format, epoch, lastEpoch });
      const before = findMapCanvas()?.getAttribute('data-points-checksum') ?? null;
      timeline.view(epoch);
      if (epoch !== shown) await waitForPoints(before, epoch, signal);
      shown = epoch;
      images.push(await settledFrame(ctx, epochCaption(epoch, lastEpoch, t), signal));
    }
  } finally {
    timeline.view(null);
  }
  return { images, ...size };
}

/** The frames as a looping GIF (in the export worker) or a WebM video, at the replay's pace. */
async function encode(format: ReplayFormat, { images, width, height }: Frames, signal: AbortSignal) {
  if (format === 'webm') {
    if (!('mimeType' in WEBM_SUPPORT)) throw new Error(WEBM_SUPPORT.reason);
    const tooLarge = webmSizeError(images.length, width, height, REPLAY_FPS);
    if (tooLarge) throw new Error(tooLarge);
    return recordWebm({
      width,
      height,
      count: images.length,
      fps: REPLAY_FPS,
      mimeType: WEBM_SUPPORT.mimeType,
      draw: (ctx, i) => ctx.putImageData(images[i]!, 0, 0),
      signal,
    });
  }
  const rgba = new Uint8Array(images.length * width * height * 4);
  images.forEach((image, i) => rgba.set(image.data, i * width * height * 4));
  const encoder = createGifEncoder();
  try {
    return await encoder.call({ rgba, count: images.length, width, height, fps: REPLAY_FPS, loop: true });
  } finally {
    encoder.dispose();
  }
}
