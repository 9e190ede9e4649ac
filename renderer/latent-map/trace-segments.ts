import { latentToScreen, type Viewport } from './viewport';

/**
 * Adds a contour's line segments to the current path, in screen space: `segments` holds
 * (z1, z2, z1', z2') per segment, as contours.ts traces them. The caller strokes.
 */
export function traceSegments(
  ctx: CanvasRenderingContext2D,
  vp: Viewport,
  segments: ArrayLike<number>,
): void {
  for (let i = 0; i + 3 < segments.length; i += 4) {
    const a = latentToScreen(vp, { z1: segments[i]!, z2: segments[i + 1]! });
    const b = latentToScreen(vp, { z1: segments[i + 2]!, z2: segments[i + 3]! });
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
  }
}
