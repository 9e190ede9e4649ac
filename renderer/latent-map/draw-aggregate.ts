/**
 * Paints a VAE's aggregate posterior q(z) (aggregate-posterior.ts) into the map's base: its 50, 90
 * and 99 % highest-density contours, solid, dashed and dotted as the prior's circles and the
 * p_model's contours, in their own violet, and one label at the top of the widest. Where these
 * and the prior's circles part is where the encoder's codes do not fill N(0, I), or spill past it.
 */
import { CONTOUR_DASHES } from './draw-pmodel';
import { AGGREGATE_CONTOUR, LABEL_HALO } from './map-palette';
import type { HdrContour } from './pmodel-overlay';
import { latentToScreen, type Viewport } from './viewport';
import { traceSegments } from './trace-segments';

/** Draws the contours (in mass order) and `label` ("aggregate q(z)") above the last one's topmost point. */
export function drawAggregate(
  ctx: CanvasRenderingContext2D,
  vp: Viewport,
  contours: readonly HdrContour[],
  label: string,
): void {
  ctx.save();
  ctx.strokeStyle = AGGREGATE_CONTOUR;
  ctx.lineWidth = 1.4;
  contours.forEach((c, k) => {
    ctx.setLineDash([...(CONTOUR_DASHES[k] ?? [])]);
    ctx.beginPath();
    traceSegments(ctx, vp, c.segments);
    ctx.stroke();
  });
  ctx.setLineDash([]);
  const anchor = contours.at(-1)?.anchor;
  if (anchor) {
    const p = latentToScreen(vp, { z1: anchor[0], z2: anchor[1] });
    ctx.font = '600 11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = LABEL_HALO;
    ctx.strokeText(label, p.x, p.y - 5);
    ctx.fillStyle = AGGREGATE_CONTOUR;
    ctx.fillText(label, p.x, p.y - 5);
  }
  ctx.restore();
}
