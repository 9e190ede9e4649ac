/**
 * Paints the p_model layer: the density as shading, its 50/90/99 % highest-density contours with
 * their labels, the samples (plausible C filled, "looks wrong" A hollow red, unjudged grey) and
 * the mean code's point into the map's base; and the uniform box with its eight handles over it
 * each frame (it moves while dragged, like the crosshair). Plain functions of (ctx, …, vp).
 */
import { BOX_HANDLES, handlePoint, type BoxHandle, type LatentBox } from './box-handles';
import type { PModelOverlay } from './map-content';
import {
  BOX_EDGE,
  BOX_WASH,
  BOX_HANDLE_ACTIVE,
  BOX_HANDLE_FILL,
  HDR_CONTOUR,
  HDR_LABEL,
  LABEL_HALO,
  MEAN_MARKER,
  SAMPLE_PLAUSIBLE,
  SAMPLE_UNJUDGED,
  SAMPLE_WRONG,
} from './map-palette';
import { latentToScreen, screenRect, type Viewport } from './viewport';
import { traceSegments } from './trace-segments';

const SAMPLE_RADIUS_PX = 2.4;
const HANDLE_HALF_PX = 4;
/** Dash of each contour in mass order (50 % solid, 90 % dashed, 99 % dotted). */
/** Solid, dashed, dotted: the 50, 90 and 99 % contours (also the prior's, draw-prior.ts). */
export const CONTOUR_DASHES: readonly number[][] = [[], [6, 4], [2, 3]];

/** The density as shading (under the encoded points). */
export function drawPModelShade(ctx: CanvasRenderingContext2D, vp: Viewport, layer: PModelOverlay): void {
  if (!layer.image || !layer.imageBounds) return;
  const r = screenRect(vp, layer.imageBounds);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(layer.image, r.x, r.y, r.w, r.h);
}

/** Contours, samples and the mean point (over the encoded points). */
export function drawPModelMarks(ctx: CanvasRenderingContext2D, vp: Viewport, layer: PModelOverlay): void {
  drawContours(ctx, vp, layer);
  drawSamples(ctx, vp, layer.samples);
  if (layer.point) drawMeanMarker(ctx, vp, layer.point);
}

function drawContours(ctx: CanvasRenderingContext2D, vp: Viewport, layer: PModelOverlay): void {
  ctx.strokeStyle = HDR_CONTOUR;
  ctx.lineWidth = 1.4;
  layer.contours.forEach((c, k) => {
    ctx.setLineDash(CONTOUR_DASHES[k] ?? []);
    ctx.beginPath();
    traceSegments(ctx, vp, c.segments);
    ctx.stroke();
  });
  ctx.setLineDash([]);
  ctx.font = '600 10.5px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  for (const c of layer.contours) {
    if (!c.anchor || !c.label) continue;
    const p = latentToScreen(vp, { z1: c.anchor[0], z2: c.anchor[1] });
    ctx.strokeStyle = LABEL_HALO;
    ctx.strokeText(c.label, p.x, p.y - 2);
    ctx.fillStyle = HDR_LABEL;
    ctx.fillText(c.label, p.x, p.y - 2);
  }
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
}

function drawSamples(ctx: CanvasRenderingContext2D, vp: Viewport, samples: PModelOverlay['samples']): void {
  if (!samples) return;
  // One path per kind: a few fills instead of one per sample.
  const paths = { A: new Path2D(), C: new Path2D(), none: new Path2D() };
  const n = Math.floor(samples.z.length / 2);
  for (let i = 0; i < n; i++) {
    const p = latentToScreen(vp, { z1: samples.z[2 * i]!, z2: samples.z[2 * i + 1]! });
    if (p.x < -4 || p.y < -4 || p.x > vp.width + 4 || p.y > vp.height + 4) continue;
    const path = paths[samples.labels?.[i] ?? 'none'];
    path.moveTo(p.x + SAMPLE_RADIUS_PX, p.y);
    path.arc(p.x, p.y, SAMPLE_RADIUS_PX, 0, 2 * Math.PI);
  }
  ctx.lineWidth = 1.2;
  ctx.fillStyle = SAMPLE_UNJUDGED;
  ctx.fill(paths.none);
  ctx.fillStyle = SAMPLE_PLAUSIBLE;
  ctx.fill(paths.C);
  ctx.strokeStyle = LABEL_HALO;
  ctx.stroke(paths.C);
  ctx.strokeStyle = SAMPLE_WRONG;
  ctx.stroke(paths.A);
}

/** A diamond: the mean code is one fixed point, not a density. */
function drawMeanMarker(ctx: CanvasRenderingContext2D, vp: Viewport, point: [number, number]): void {
  const p = latentToScreen(vp, { z1: point[0], z2: point[1] });
  ctx.beginPath();
  ctx.moveTo(p.x, p.y - 8);
  ctx.lineTo(p.x + 8, p.y);
  ctx.lineTo(p.x, p.y + 8);
  ctx.lineTo(p.x - 8, p.y);
  ctx.closePath();
  ctx.lineWidth = 3;
  ctx.strokeStyle = LABEL_HALO;
  ctx.stroke();
  ctx.fillStyle = MEAN_MARKER;
  ctx.fill();
}

/**
 * The uniform box: its density (flat, so a wash over the box), outline and handles; `active`
 * (hovered or dragged) is drawn bright. Drawn each frame over the map's base, so a drag repaints
 * only this, never the tiles and points below.
 */
export function drawBox(
  ctx: CanvasRenderingContext2D,
  vp: Viewport,
  box: LatentBox,
  active: BoxHandle | null,
): void {
  const r = screenRect(vp, { min: box.min, max: box.max });
  ctx.fillStyle = BOX_WASH;
  ctx.fillRect(r.x, r.y, r.w, r.h);
  ctx.lineWidth = 1.6;
  ctx.strokeStyle = BOX_EDGE;
  ctx.strokeRect(r.x, r.y, r.w, r.h);
  ctx.lineWidth = 1.5;
  for (const h of BOX_HANDLES) {
    const p = handlePoint(vp, box, h);
    const s = HANDLE_HALF_PX + (h === active ? 1.5 : 0);
    ctx.fillStyle = h === active ? BOX_HANDLE_ACTIVE : BOX_HANDLE_FILL;
    ctx.fillRect(p.x - s, p.y - s, 2 * s, 2 * s);
    ctx.strokeRect(p.x - s, p.y - s, 2 * s, 2 * s);
  }
}
