import type { Point2 } from '../../shared/density';
import type { ToyPoint } from './toy-brush';

/** An axis-aligned box in the unit square. */
export interface ToyBox {
  min: Point2;
  max: Point2;
}

/** Which sides a drag moves: a corner moves two, an edge one (null = that axis stays). */
export interface BoxHandle {
  x: 'min' | 'max' | null;
  y: 'min' | 'max' | null;
}

/** Narrowest a dragged box may become on an axis (a box of zero width has no density). */
export const MIN_BOX_SPAN = 0.005;

/**
 * The handle of `box` under `p`, within `tolerance` (world units): a corner if near one, else an
 * edge, else null.
 *
 * @example hitBoxHandle({ min: [0, 0], max: [1, 1] }, [0.99, 0.5], 0.02) // { x: 'max', y: null }
 */
export function hitBoxHandle(box: ToyBox, p: ToyPoint, tolerance: number): BoxHandle | null {
  const near = (a: number, b: number) => Math.abs(a - b) <= tolerance;
  const side = (axis: 0 | 1): 'min' | 'max' | null =>
    near(p[axis], box.min[axis]) ? 'min' : near(p[axis], box.max[axis]) ? 'max' : null;
  const within = (axis: 0 | 1) =>
    p[axis] >= box.min[axis] - tolerance && p[axis] <= box.max[axis] + tolerance;
  const x = side(0);
  const y = side(1);
  if (x && y) return { x, y };
  if (x && within(1)) return { x, y: null };
  if (y && within(0)) return { x: null, y };
  return null;
}

/**
 * `box` with the sides of `handle` moved to `p`, clamped to the unit square and never narrower
 * than MIN_BOX_SPAN (a side stops before it meets the opposite one).
 */
export function dragBoxHandle(box: ToyBox, handle: BoxHandle, p: ToyPoint): ToyBox {
  const min: Point2 = [box.min[0], box.min[1]];
  const max: Point2 = [box.max[0], box.max[1]];
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  for (const axis of [0, 1] as const) {
    const side = axis === 0 ? handle.x : handle.y;
    if (side === 'min') min[axis] = clamp(p[axis], 0, max[axis] - MIN_BOX_SPAN);
    if (side === 'max') max[axis] = clamp(p[axis], min[axis] + MIN_BOX_SPAN, 1);
  }
  return { min, max };
}
