/**
 * Trails between two epochs of a training run (issue 13): for each point, a line from where its
 * code was at the epoch compared with to where it is at the epoch shown, fading in towards the
 * point, so the map shows how the codes moved.
 */
import { latentToScreen, type Viewport } from './viewport';

const TRAIL_COLOR = '#c0caf5';

/** How many trails `from` and `to` make: one per point when both hold the same points. */
export function trailCount(
  from: Float32Array | null | undefined,
  to: Float32Array | null | undefined,
): number {
  return from && to && from.length === to.length ? from.length / 2 : 0;
}

/** Draws a line from each point's code in `from` to its code in `to` (interleaved z₁, z₂). */
export function drawTrails(
  ctx: CanvasRenderingContext2D,
  vp: Viewport,
  from: Float32Array,
  to: Float32Array,
): void {
  const n = trailCount(from, to);
  if (n === 0) return;
  ctx.save();
  ctx.lineWidth = 1;
  // Two passes: the whole line faint, its last third stronger, so a trail reads as an arrow
  // without an arrow head per point (1,000 heads clutter the map).
  for (const [alpha, start] of [
    [0.22, 0],
    [0.55, 2 / 3],
  ] as const) {
    ctx.strokeStyle = TRAIL_COLOR;
    ctx.globalAlpha = alpha;
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      const a = latentToScreen(vp, { z1: from[2 * i]!, z2: from[2 * i + 1]! });
      const b = latentToScreen(vp, { z1: to[2 * i]!, z2: to[2 * i + 1]! });
      ctx.moveTo(a.x + (b.x - a.x) * start, a.y + (b.y - a.y) * start);
      ctx.lineTo(b.x, b.y);
    }
    ctx.stroke();
  }
  ctx.restore();
}
