/**
 * Pure layout math of the 3-D view: where the cylinder inset goes on the canvas, how far the view's
 * centre shifts to keep the data beside it, and how far the camera stands to see a sphere whole.
 */

/** The cylinder inset in CSS px: a square `size` at `margin` from the bottom-right corner, its caption (`caption` tall) below it. */
export interface InsetLayout {
  size: number;
  margin: number;
  caption: number;
  /** How far (px) the view's centre moves left so the data sit beside the inset (0 on narrow canvases). */
  shift: number;
}

const INSET_MAX_PX = 112;
const INSET_MIN_PX = 84;
/** Inset side as a fraction of the canvas' smaller side. */
const INSET_FRACTION = 0.26;
/** Canvases at least this many insets wide leave room beside the inset; narrower ones do not shift. */
const SHIFT_MIN_WIDTH_IN_INSETS = 4;

/** @example insetLayout(700, 440) // { size: 112, margin: 10, caption: 34, shift: 122 } */
export function insetLayout(width: number, height: number): InsetLayout {
  const size = Math.round(
    Math.min(INSET_MAX_PX, Math.max(INSET_MIN_PX, INSET_FRACTION * Math.min(width, height))),
  );
  const margin = size >= 96 ? 10 : 8;
  const shift = width >= SHIFT_MIN_WIDTH_IN_INSETS * size ? size + margin : 0;
  return { size, margin, caption: 34, shift };
}

/**
 * Distance from which a perspective camera sees a sphere of `radius` whole, in both directions.
 * @param fovDeg vertical field of view
 * @param aspect width / height of the view around its centre (with a shifted centre: twice the narrower side)
 */
export function fitDistance(radius: number, fovDeg: number, aspect: number): number {
  const halfV = ((fovDeg / 2) * Math.PI) / 180;
  const halfH = Math.atan(Math.tan(halfV) * aspect);
  return radius / Math.sin(Math.min(halfV, halfH));
}
