/**
 * The uniform box's handles on the map: where its four corners and four edges are on screen, which
 * one a pointer hits, and the box a drag of one of them gives. Pure functions of the viewport, so
 * the gestures (use-box-drag.ts) and the drawing (draw-pmodel.ts) agree on every pixel.
 */
import type { Point2 } from '../../shared/density/types';
import { latentToScreen, type ScreenPoint, type Viewport } from './viewport';

/** An axis-aligned box in latent units, min < max on both axes. */
export interface LatentBox {
  min: Point2;
  max: Point2;
}

/**
 * A handle by compass direction on screen: 'n' is the top edge (largest z₂), 'w' the left edge
 * (smallest z₁), 'ne' the top-right corner, and so on.
 */
export type BoxHandle = 'nw' | 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w';

/** Corners first: where a corner and an edge both lie within reach, the corner wins. */
const CORNERS: readonly BoxHandle[] = ['nw', 'ne', 'se', 'sw'];
export const BOX_HANDLES: readonly BoxHandle[] = [...CORNERS, 'n', 'e', 's', 'w'];

/** A pointer this close (CSS px) to a handle grabs it. */
export const HANDLE_HIT_PX = 8;
/** The thinnest a dragged box may get, in CSS px on screen (keeps min < max). */
export const MIN_BOX_PX = 4;

/** Which sides of the box a handle moves: −1 the min side, +1 the max side, 0 neither (per axis). */
function sidesOf(handle: BoxHandle): { z1: -1 | 0 | 1; z2: -1 | 0 | 1 } {
  const z1 = handle.includes('w') ? -1 : handle.includes('e') ? 1 : 0;
  const z2 = handle.includes('s') ? -1 : handle.includes('n') ? 1 : 0;
  return { z1, z2 };
}

/**
 * Screen position of a handle: a corner, or the middle of an edge.
 *
 * @example handlePoint(vp, { min: [0, 0], max: [2, 1] }, 'ne') // latentToScreen(vp, { z1: 2, z2: 1 })
 */
export function handlePoint(vp: Viewport, box: LatentBox, handle: BoxHandle): ScreenPoint {
  const s = sidesOf(handle);
  const pick = (axis: 0 | 1, side: -1 | 0 | 1) =>
    side < 0 ? box.min[axis] : side > 0 ? box.max[axis] : (box.min[axis] + box.max[axis]) / 2;
  return latentToScreen(vp, { z1: pick(0, s.z1), z2: pick(1, s.z2) });
}

/**
 * The handle under a pointer at `at` (CSS px), or null. A corner is hit within `reachPx` of it; an
 * edge anywhere along its length within `reachPx` of the line, so a whole side can be grabbed.
 */
export function hitBoxHandle(
  vp: Viewport,
  box: LatentBox,
  at: ScreenPoint,
  reachPx = HANDLE_HIT_PX,
): BoxHandle | null {
  for (const h of CORNERS) {
    const p = handlePoint(vp, box, h);
    if (Math.hypot(p.x - at.x, p.y - at.y) <= reachPx) return h;
  }
  const tl = latentToScreen(vp, { z1: box.min[0], z2: box.max[1] });
  const br = latentToScreen(vp, { z1: box.max[0], z2: box.min[1] });
  const withinX = at.x >= tl.x - reachPx && at.x <= br.x + reachPx;
  const withinY = at.y >= tl.y - reachPx && at.y <= br.y + reachPx;
  const near: [BoxHandle, boolean][] = [
    ['n', withinX && Math.abs(at.y - tl.y) <= reachPx],
    ['e', withinY && Math.abs(at.x - br.x) <= reachPx],
    ['s', withinX && Math.abs(at.y - br.y) <= reachPx],
    ['w', withinY && Math.abs(at.x - tl.x) <= reachPx],
  ];
  return near.find(([, hit]) => hit)?.[0] ?? null;
}

/**
 * The box after dragging `handle` of `start` by (dz1, dz2) latent units: the sides the handle
 * holds move, the others stay. A side never passes the opposite one: it stops `minSpan` short, so
 * min < max always holds.
 *
 * @example dragBox({ min: [0, 0], max: [2, 2] }, 'e', 1, 5, 0.1) // { min: [0, 0], max: [3, 2] }
 * @example dragBox({ min: [0, 0], max: [2, 2] }, 'w', 9, 0, 0.1) // { min: [1.9, 0], max: [2, 2] }
 */
export function dragBox(
  start: LatentBox,
  handle: BoxHandle,
  dz1: number,
  dz2: number,
  minSpan: number,
): LatentBox {
  const s = sidesOf(handle);
  const min: Point2 = [start.min[0], start.min[1]];
  const max: Point2 = [start.max[0], start.max[1]];
  const deltas = [dz1, dz2] as const;
  ([0, 1] as const).forEach((axis) => {
    const side = axis === 0 ? s.z1 : s.z2;
    if (side < 0) min[axis] = Math.min(start.min[axis] + deltas[axis], start.max[axis] - minSpan);
    if (side > 0) max[axis] = Math.max(start.max[axis] + deltas[axis], start.min[axis] + minSpan);
  });
  return { min, max };
}

/** The CSS cursor over a handle. */
export function handleCursor(handle: BoxHandle): string {
  if (handle === 'nw' || handle === 'se') return 'nwse-resize';
  if (handle === 'ne' || handle === 'sw') return 'nesw-resize';
  return handle === 'n' || handle === 's' ? 'ns-resize' : 'ew-resize';
}
