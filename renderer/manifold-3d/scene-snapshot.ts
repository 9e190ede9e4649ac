/**
 * The 3-D view exported as a PNG ("Export view": 2× or 4× the canvas' CSS size, drawn again at
 * that size from the same camera, not an upscaled screenshot). The size rule and the PNG encoding,
 * kept apart from three.js so the rule is testable and the page and the worker share both.
 */

import type { Translate } from '../../shared/i18n/translate';

/** The largest side an exported PNG may have (px): beyond it GPUs start to refuse the buffer. */
export const EXPORT_MAX_PX = 4096;

/** The scales the export offers. */
export const EXPORT_SCALES = [2, 4] as const;

export interface ExportSize {
  width: number;
  height: number;
  /** Why this size is not drawn (null: it is fine). */
  refused: string | null;
}

/**
 * The PNG's size for a canvas of `width` × `height` CSS px at `scale`, and why it is refused if it
 * is (worded by `t`).
 *
 * @example exportSize(320, 300, 2, t) // { width: 640, height: 600, refused: null }
 * @example exportSize(1200, 300, 4, translator('en')).refused // 'A 4× PNG would be 4800 × 1200 px; the most is 4096 px a side.'
 */
export function exportSize(width: number, height: number, scale: number, t: Translate): ExportSize {
  const w = Math.round(width) * scale;
  const h = Math.round(height) * scale;
  if (!Number.isFinite(scale) || scale <= 0 || !(w >= 1 && h >= 1))
    return { width: 0, height: 0, refused: t('manifold.export.noSize') };
  const refused =
    Math.max(w, h) > EXPORT_MAX_PX
      ? t('manifold.export.tooLarge', { scale, width: w, height: h, max: EXPORT_MAX_PX })
      : null;
  return { width: w, height: h, refused };
}

/**
 * The canvas' current drawing as PNG bytes. Its pixels are taken when this is called (encoded
 * later), so it must be called in the task that drew them: WebGL clears its buffer once shown.
 */
export async function canvasPng(
  canvas: HTMLCanvasElement | OffscreenCanvas,
  t: Translate,
): Promise<Uint8Array> {
  const blob =
    'convertToBlob' in canvas
      ? await canvas.convertToBlob({ type: 'image/png' })
      : await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(t('manifold.export.notPng'));
  return new Uint8Array(await blob.arrayBuffer());
}
