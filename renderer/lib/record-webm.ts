// Records frames the page draws as a WebM video with the browser's MediaRecorder (issue 13).
import { API_LIMITS } from '../../shared/api';
import { isWebm } from './webm';

export interface WebmRecording {
  /** The video's frame size in pixels. */
  width: number;
  height: number;
  count: number;
  fps: number;
  /** A type webmSupport() found, e.g. 'video/webm;codecs=vp9'. */
  mimeType: string;
  /** Paints frame `index` (0 … count − 1) over the whole canvas. */
  draw(ctx: CanvasRenderingContext2D, index: number): void;
  /** Aborting stops the recording; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}

/**
 * The WebM bytes of `count` frames, each shown 1/fps s. Why in real time: the recorder stamps each
 * frame with the moment it arrives, so the stream is captured only when asked (captureStream(0),
 * then requestFrame() once per drawn frame) and the frames are spaced by the clock; a 32-frame
 * path at 30 fps takes about a second to record. Recording starts at once: Chromium fires the
 * recorder's 'start' event only once a frame has come, so it is not waited for. Throws a
 * user-facing message when the platform fails or the video would be larger than a save accepts.
 */
export async function recordWebm({ width, height, count, fps, mimeType, draw, signal }: WebmRecording) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the video’s frames.');
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack | undefined;
  if (!track) throw new Error('This browser gave no video track for the canvas.');
  const recorder = new MediaRecorder(stream, { mimeType });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  const stopped = new Promise<void>((resolve, reject) => {
    recorder.onstop = () => resolve();
    recorder.onerror = () => reject(new Error('The browser’s video recorder failed.'));
  });
  // Observed at once, so a failure while the frames are drawn is not an unhandled rejection.
  stopped.catch(() => undefined);
  try {
    recorder.start();
    const frameMs = 1000 / fps;
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      draw(ctx, i);
      track.requestFrame();
      // Until the next frame is due (drawing time included).
      await sleep(start + (i + 1) * frameMs - performance.now(), signal);
    }
    // The video ends where its last frame starts: that frame once more holds it for its time
    // (drawn again: a canvas that has not changed since its last frame gives none).
    draw(ctx, count - 1);
    track.requestFrame();
    await sleep(frameMs / 4, signal);
  } finally {
    if (recorder.state !== 'inactive') recorder.stop();
    track.stop();
  }
  await stopped;
  const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
  if (!isWebm(bytes)) throw new Error('The browser’s recorder did not make a WebM file.');
  if (bytes.length > API_LIMITS.maxExportBytes)
    throw new Error(
      `The video is ${mb(bytes.length)} MB; at most ${mb(API_LIMITS.maxExportBytes)} MB can be saved. Use a smaller frame size.`,
    );
  return bytes;
}

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** Waits `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Cancelled', 'AbortError'));
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(new DOMException('Cancelled', 'AbortError'));
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}
