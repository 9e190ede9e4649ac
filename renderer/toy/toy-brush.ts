import type { ToyMask } from './toy-mask';

/** Brush radii (share of the square's side) the slider offers. */
export const BRUSH_RADIUS_LIMITS = [0.01, 0.15] as const;
export const DEFAULT_BRUSH_RADIUS = 0.05;

/** A point of the unit square (x, y), y up. */
export type ToyPoint = readonly [number, number];

/** Squared distance from (px, py) to the segment a–b. */
function distance2ToSegment(px: number, py: number, a: ToyPoint, b: ToyPoint): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - a[0]) * dx + (py - a[1]) * dy) / len2)) : 0;
  const ex = px - (a[0] + t * dx);
  const ey = py - (a[1] + t * dy);
  return ex * ex + ey * ey;
}

/**
 * A copy of `mask` with every cell whose centre lies within `radius` of the segment `from`–`to`
 * set to `value` (1 paints the region, 0 erases it). A click is a stroke with `from` = `to`; a
 * pointer drag paints each move as one segment, so fast strokes leave no gaps.
 *
 * @example paintStroke(mask, [0.5, 0.5], [0.5, 0.5], 0.05, 1) // a disc of radius 0.05 painted
 */
export function paintStroke(
  mask: ToyMask,
  from: ToyPoint,
  to: ToyPoint,
  radius: number,
  value: 0 | 1,
): ToyMask {
  const { size } = mask;
  const cells = mask.cells.slice();
  const r2 = radius * radius;
  // Only the cells in the stroke's bounding box can be reached.
  const colLo = Math.max(0, Math.floor((Math.min(from[0], to[0]) - radius) * size));
  const colHi = Math.min(size - 1, Math.ceil((Math.max(from[0], to[0]) + radius) * size));
  const rowLo = Math.max(0, Math.floor((Math.min(from[1], to[1]) - radius) * size));
  const rowHi = Math.min(size - 1, Math.ceil((Math.max(from[1], to[1]) + radius) * size));
  for (let row = rowLo; row <= rowHi; row++) {
    for (let col = colLo; col <= colHi; col++) {
      if (distance2ToSegment((col + 0.5) / size, (row + 0.5) / size, from, to) <= r2) {
        cells[row * size + col] = value;
      }
    }
  }
  return { size, cells };
}
