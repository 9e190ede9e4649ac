import type { Viewport } from './viewport';

/** Inset of the edge marker from the map's border, CSS px. */
const EDGE_INSET = 12;

/** Where the edge arrow sits (CSS px) and the direction it points (radians, screen space). */
export interface EdgeMarker {
  x: number;
  y: number;
  angle: number;
}

/**
 * Where to point at z when it lies outside the visible map: a spot just inside the border on the
 * way from the centre to z (`c`, its screen position), and the direction toward z; null when z is in view.
 */
export function edgeMarker(vp: Viewport, c: { x: number; y: number }): EdgeMarker | null {
  if (c.x >= 0 && c.x <= vp.width && c.y >= 0 && c.y <= vp.height) return null;
  const cx = vp.width / 2;
  const cy = vp.height / 2;
  const dx = c.x - cx;
  const dy = c.y - cy;
  const hx = Math.max(cx - EDGE_INSET, 1);
  const hy = Math.max(cy - EDGE_INSET, 1);
  const t = Math.min(dx === 0 ? Infinity : hx / Math.abs(dx), dy === 0 ? Infinity : hy / Math.abs(dy));
  return { x: cx + dx * t, y: cy + dy * t, angle: Math.atan2(dy, dx) };
}
