/**
 * Animated GIFs (issue 13), made with gifenc: of decoded frames, which are grayscale, so the colour
 * table is simply 256 grays and no quantisation is needed; and of colour frames (the training
 * replay of the map), quantised to one 256-colour table shared by every frame. Pure (no DOM), so it
 * runs in the export worker and in tests alike.
 */
import { applyPalette, GIFEncoder, quantize } from 'gifenc';

/** Frames per GIF and the side of each frame in pixels, as the exports accept them. */
export const GIF_LIMITS = { frames: [2, 120] as const, px: [32, 512] as const };

const GRAYS: number[][] = Array.from({ length: 256 }, (_, v) => [v, v, v]);

/** One frame (side `from`, values in [0, 1]) scaled to `to`×`to` palette indices, bilinearly. */
export function grayIndices(pixels: Float32Array, from: number, to: number): Uint8Array {
  const out = new Uint8Array(to * to);
  const scale = from / to;
  // A non-finite pixel counts as black, so it cannot spread to its neighbours (NaN × 0 is NaN).
  const at = (i: number) => {
    const v = pixels[i]!;
    return Number.isFinite(v) ? v : 0;
  };
  for (let y = 0; y < to; y++) {
    const sy = Math.min(from - 1, Math.max(0, (y + 0.5) * scale - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(from - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < to; x++) {
      const sx = Math.min(from - 1, Math.max(0, (x + 0.5) * scale - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(from - 1, x0 + 1);
      const fx = sx - x0;
      const top = at(y0 * from + x0) * (1 - fx) + at(y0 * from + x1) * fx;
      const bottom = at(y1 * from + x0) * (1 - fx) + at(y1 * from + x1) * fx;
      out[y * to + x] = Math.round(255 * Math.min(1, Math.max(0, top * (1 - fy) + bottom * fy)));
    }
  }
  return out;
}

export interface GifInput {
  /** `count` frames of `imageSize`² pixels, back to back. */
  images: Float32Array;
  count: number;
  imageSize: number;
  /** Side of the GIF in pixels. */
  px: number;
  fps: number;
  loop: boolean;
}

/** The animated GIF's bytes; throws a user-facing message for settings out of range. */
export function encodeGrayGif({ images, count, imageSize, px, fps, loop }: GifInput): Uint8Array {
  const [f0, f1] = GIF_LIMITS.frames;
  const [p0, p1] = GIF_LIMITS.px;
  if (!Number.isInteger(count) || count < f0 || count > f1)
    throw new Error(`A GIF has ${f0} to ${f1} frames (got ${count}).`);
  if (!Number.isInteger(px) || px < p0 || px > p1)
    throw new Error(`A GIF is ${p0} to ${p1} px wide (got ${px}).`);
  if (images.length !== count * imageSize * imageSize)
    throw new Error('The frames do not match their count and size.');
  if (!(fps >= 1 && fps <= 60)) throw new Error(`A GIF plays at 1 to 60 frames a second (got ${fps}).`);
  const gif = GIFEncoder();
  const pixels = imageSize * imageSize;
  // GIF delays are in hundredths of a second: 1000/fps rounds to the nearest 10 ms.
  const delay = Math.round(1000 / fps);
  for (let i = 0; i < count; i++) {
    const index = grayIndices(images.subarray(i * pixels, (i + 1) * pixels), imageSize, px);
    gif.writeFrame(index, px, px, { palette: GRAYS, delay, repeat: loop ? 0 : -1 });
  }
  gif.finish();
  return gif.bytes();
}

/** Colour frames for a GIF, e.g. the map at each kept epoch. */
export interface RgbaGifInput {
  /** `count` frames of `width`×`height` RGBA pixels, back to back (alpha is ignored). */
  rgba: Uint8Array;
  count: number;
  width: number;
  height: number;
  fps: number;
  loop: boolean;
}

/** Either kind of GIF the export worker makes. */
export type GifJob = GifInput | RgbaGifInput;

/** The GIF of either kind of input. */
export function encodeGif(job: GifJob): Uint8Array {
  return 'rgba' in job ? encodeRgbaGif(job) : encodeGrayGif(job);
}

/**
 * The animated GIF of colour frames; one palette for all of them, so colours do not flicker from
 * frame to frame. Throws a user-facing message for settings out of range.
 */
export function encodeRgbaGif({ rgba, count, width, height, fps, loop }: RgbaGifInput): Uint8Array {
  const [f0, f1] = GIF_LIMITS.frames;
  const [p0, p1] = GIF_LIMITS.px;
  if (!Number.isInteger(count) || count < f0 || count > f1)
    throw new Error(`A GIF has ${f0} to ${f1} frames (got ${count}).`);
  for (const side of [width, height])
    if (!Number.isInteger(side) || side < p0 || side > p1)
      throw new Error(`A GIF is ${p0} to ${p1} px wide and high (got ${width}×${height}).`);
  const frameBytes = width * height * 4;
  if (rgba.length !== count * frameBytes) throw new Error('The frames do not match their count and size.');
  if (!(fps >= 1 && fps <= 60)) throw new Error(`A GIF plays at 1 to 60 frames a second (got ${fps}).`);
  // gifenc reads a typed array's whole buffer: each frame is handed over as its own copy.
  const all = rgba.byteOffset === 0 && rgba.byteLength === rgba.buffer.byteLength ? rgba : rgba.slice();
  const palette = quantize(all, 256);
  const gif = GIFEncoder();
  const delay = Math.round(1000 / fps);
  for (let i = 0; i < count; i++) {
    const index = applyPalette(all.slice(i * frameBytes, (i + 1) * frameBytes), palette);
    // The palette goes with the first frame only: the global table, not one table per frame.
    gif.writeFrame(index, width, height, i === 0 ? { palette, delay, repeat: loop ? 0 : -1 } : { delay });
  }
  gif.finish();
  return gif.bytes();
}
