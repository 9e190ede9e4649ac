/**
 * Pure layout math of the 3-D view: where the cylinder inset goes on the canvas, how far the view's
 * centre shifts to keep the data beside it, and how far the camera stands to see a sphere whole.
 */

/** The cylinder inset in CSS px: a square `size` at `margin` from the top-right corner, its caption (`caption` tall) below it. */
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

/** Where a camera looking along a fixed direction should aim, and from how far, to see a set of points. */
export interface ViewFit {
  target: [number, number, number];
  distance: number;
}

/**
 * Frames `points` (xyz, 3 per point) for a perspective camera placed along `toCamera` (unit, from
 * the target toward the camera, world up = +y): aims at the middle of their extent on screen and
 * stands just far enough back that each one falls inside both fields of view, with `margin` to spare.
 *
 * @param fovDeg vertical field of view
 * @param aspect width / height of the view around its centre
 * @param margin fraction of the half-view kept free, e.g. 0.06
 */
export function fitView(
  points: ArrayLike<number>,
  toCamera: readonly [number, number, number],
  fovDeg: number,
  aspect: number,
  margin: number,
): ViewFit {
  const [w0, w1, w2] = toCamera;
  // Screen basis: right = up × w (normalised), screen-up = w × right.
  const rLen = Math.hypot(w2, w0) || 1;
  const r: [number, number, number] = [w2 / rLen, 0, -w0 / rLen];
  const u: [number, number, number] = [w1 * r[2] - w2 * r[1], w2 * r[0] - w0 * r[2], w0 * r[1] - w1 * r[0]];
  const dot = (a: readonly number[], i: number) =>
    (a[0] as number) * (points[i] as number) +
    (a[1] as number) * (points[i + 1] as number) +
    (a[2] as number) * (points[i + 2] as number);
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i + 2 < points.length; i += 3) {
    const c = [dot(r, i), dot(u, i), dot(toCamera, i)];
    for (let k = 0; k < 3; k++) {
      lo[k] = Math.min(lo[k] as number, c[k] as number);
      hi[k] = Math.max(hi[k] as number, c[k] as number);
    }
  }
  if (!(lo[0]! <= hi[0]!)) return { target: [0, 0, 0], distance: 4 };
  const mid = [0, 1, 2].map((k) => ((lo[k] as number) + (hi[k] as number)) / 2);
  const tanV = Math.tan(((fovDeg / 2) * Math.PI) / 180) * (1 - margin);
  const tanH = tanV * aspect;
  let distance = 0;
  for (let i = 0; i + 2 < points.length; i += 3) {
    const a = Math.abs(dot(r, i) - (mid[0] as number));
    const b = Math.abs(dot(u, i) - (mid[1] as number));
    const depth = dot(toCamera, i) - (mid[2] as number);
    distance = Math.max(distance, depth + a / tanH, depth + b / tanV);
  }
  const target: [number, number, number] = [0, 1, 2].map(
    (k) =>
      (mid[0] as number) * (r[k] as number) +
      (mid[1] as number) * (u[k] as number) +
      (mid[2] as number) * (toCamera[k] as number),
  ) as [number, number, number];
  return { target, distance: Math.max(distance, 0.5) };
}
