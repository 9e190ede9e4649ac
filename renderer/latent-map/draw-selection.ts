/**
 * Paints the 1σ posterior ellipses of the codes in the selection box (posterior-selection.ts):
 * thin, faint outlines only, all in one path, so a few hundred cost one stroke and the points
 * still show through.
 */
import { SELECTION_ELLIPSE } from './map-palette';
import { latentToScreen, type Viewport } from './viewport';

/** Ellipses smaller than this (CSS px) are drawn this size, so a confident code still shows one. */
const MIN_RADIUS_PX = 1.5;

/**
 * Strokes each ellipse of `ellipses` (packed [μ₁, μ₂, σ₁, σ₂, …] in latent units, as
 * selectionEllipses gives them) that reaches into the view; returns how many were drawn.
 */
export function drawSelectionEllipses(
  ctx: CanvasRenderingContext2D,
  vp: Viewport,
  ellipses: Float32Array,
): number {
  let drawn = 0;
  ctx.beginPath();
  for (let i = 0; i + 3 < ellipses.length; i += 4) {
    const c = latentToScreen(vp, { z1: ellipses[i]!, z2: ellipses[i + 1]! });
    const rx = Math.max(MIN_RADIUS_PX, ellipses[i + 2]! * vp.scale);
    const ry = Math.max(MIN_RADIUS_PX, ellipses[i + 3]! * vp.scale);
    if (c.x + rx < 0 || c.y + ry < 0 || c.x - rx > vp.width || c.y - ry > vp.height) continue;
    ctx.moveTo(c.x + rx, c.y);
    ctx.ellipse(c.x, c.y, rx, ry, 0, 0, 2 * Math.PI);
    drawn++;
  }
  ctx.strokeStyle = SELECTION_ELLIPSE;
  ctx.lineWidth = 0.75;
  ctx.stroke();
  return drawn;
}
