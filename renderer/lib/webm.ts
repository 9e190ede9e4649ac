// WebM videos of frames the page draws (issue 13): which WebM type this platform can record, and
// how large a video may be. Pure, so it is tested without a browser; record-webm.ts records one.

/** The WebM types tried, best first: VP9 is smaller at the same quality; plain 'video/webm' lets the browser pick. */
export const WEBM_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'] as const;

/** Frames per video, the side of its frames in pixels, and its length (frames / fps) in seconds. */
export const WEBM_LIMITS = { frames: [2, 120] as const, px: [32, 512] as const, seconds: 60 };

/** Whether this page can record a WebM video: the type to ask MediaRecorder for, or why not. */
export type WebmSupport = { mimeType: string } | { reason: string };

/** What record support needs of the platform, as `window` offers it (absent parts: not supported). */
export interface RecordingPlatform {
  MediaRecorder?: { isTypeSupported(type: string): boolean };
  /** Whether a canvas can be captured as a video stream (HTMLCanvasElement.prototype.captureStream). */
  canCaptureCanvas: boolean;
}

/**
 * The first WebM type the platform records, e.g. `{ mimeType: 'video/webm;codecs=vp9' }` in
 * Chromium, or a sentence for the user saying why no video can be made.
 */
export function webmSupport({ MediaRecorder: recorder, canCaptureCanvas }: RecordingPlatform): WebmSupport {
  if (!recorder) return { reason: 'This browser cannot record video (it has no MediaRecorder).' };
  if (!canCaptureCanvas) return { reason: 'This browser cannot record a canvas as video.' };
  const mimeType = WEBM_TYPES.find((t) => {
    try {
      return recorder.isTypeSupported(t);
    } catch {
      return false;
    }
  });
  return mimeType ? { mimeType } : { reason: 'This browser cannot record WebM video.' };
}

/** This page's support, from `window` (no video outside a browser). */
export function pageWebmSupport(): WebmSupport {
  if (typeof window === 'undefined' || typeof document === 'undefined')
    return { reason: 'Video needs a browser window.' };
  return webmSupport({
    MediaRecorder: window.MediaRecorder,
    canCaptureCanvas: typeof HTMLCanvasElement.prototype.captureStream === 'function',
  });
}

/**
 * Why a video of `count` frames of `width`×`height` pixels at `fps` is too large to make, or null
 * when it is within WEBM_LIMITS, e.g. `webmSizeError(32, 256, 256, 30)` → null.
 */
export function webmSizeError(count: number, width: number, height: number, fps: number): string | null {
  const [f0, f1] = WEBM_LIMITS.frames;
  const [p0, p1] = WEBM_LIMITS.px;
  if (!Number.isInteger(count) || count < f0 || count > f1)
    return `A video has ${f0} to ${f1} frames (this one would have ${count}).`;
  for (const side of [width, height])
    if (!Number.isInteger(side) || side < p0 || side > p1)
      return `A video’s frames are ${p0} to ${p1} px wide and high (these would be ${width}×${height}).`;
  if (!(fps > 0 && fps <= 60)) return `A video plays at up to 60 frames a second (got ${fps}).`;
  if (count / fps > WEBM_LIMITS.seconds)
    return `A video lasts at most ${WEBM_LIMITS.seconds} s (${count} frames at ${fps} fps would take ${Math.round(count / fps)} s): raise the fps or use fewer frames.`;
  return null;
}

/** True when `bytes` begin as every WebM file does: the EBML header's ID 1A 45 DF A3. */
export function isWebm(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3;
}
