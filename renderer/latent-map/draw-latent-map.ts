/**
 * Paints the latent map: axes, decoded tiles, off-manifold shading, iso-lines, the encoded points
 * coloured by a true factor, the p_model layer (draw-pmodel.ts), a VAE's prior (draw-prior.ts) and
 * aggregate posterior (draw-aggregate.ts), the hovered point and the crosshair at z. Plain functions of (ctx, content, vp, dpr); LatentMap.tsx paints drawMapBase into
 * an offscreen copy and the box and the crosshair over it. Colours come from map-palette.ts.
 */
import type { LatentBounds } from '../../shared/api';
import { FACTORS } from '../../shared/factors';
import { createRng, gaussian } from '../../shared/random';
import { viridisCss } from './colormap';
import { drawAggregate } from './draw-aggregate';
import { drawPModelMarks, drawPModelShade } from './draw-pmodel';
import { drawPrior } from './draw-prior';
import { placeAxisLabels, ticks, tickStep } from './axis-labels';
import { edgeMarker, type EdgeMarker } from './edge-marker';
import type { IsoLine } from './map-fields';
import {
  AXIS,
  AXIS_LABEL,
  AXIS_NAME,
  AXIS_ZERO,
  BACKGROUND,
  CROSSHAIR,
  CROSSHAIR_LINE,
  CROSSHAIR_SHADOW,
  EDGE_ARROW_SHADOW,
  HOVER_RING,
  ISO_HEIGHT_COLOR,
  ISO_RADIUS_COLOR,
  LABEL_HALO,
  POINT_OUTLINE,
  POSTERIOR_EDGE,
  POSTERIOR_FILL,
  shadeCss,
} from './map-palette';
import type { MapContent } from './map-content';
import type { MapWords } from './map-words';
import { SHADE_MAX_ALPHA } from './shading';
import { latentToScreen, screenRect, visibleBounds, type Viewport } from './viewport';
import { traceSegments } from './trace-segments';
import { drawPath } from './draw-path';
import { drawTrails } from './draw-trails';

const TICK_FONT = '10.5px ui-monospace, SFMono-Regular, Menlo, monospace';
const NAME_FONT = '600 12px system-ui, sans-serif';
/** Opacity of the decoded tiles under the points (full strength would drown the points). */
const TILE_ALPHA = 0.62;
/** Colour bins for points: one path per bin instead of one fill per point. */
const COLOR_BINS = 32;
const POINT_RADIUS_PX = 2.6;

/**
 * Everything but the crosshair. It changes only with the view, the model and the layers, so the
 * canvas keeps it in an offscreen copy and a drag repaints just the crosshair over it.
 */
export function drawMapBase(
  ctx: CanvasRenderingContext2D,
  content: MapContent,
  vp: Viewport,
  dpr: number,
): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, vp.width, vp.height);
  drawAxes(ctx, vp);
  if (content.layers.showTiles && content.tiles) {
    ctx.globalAlpha = TILE_ALPHA;
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    const r = screenRect(vp, content.tiles.bounds);
    ctx.drawImage(content.tiles.image, r.x, r.y, r.w, r.h);
    ctx.globalAlpha = 1;
  }
  if (content.layers.showShading && content.fields && content.shade)
    drawShade(ctx, vp, content.fields.bounds, content.shade);
  if (content.pmodel) drawPModelShade(ctx, vp, content.pmodel);
  if (content.layers.showContours && content.fields) {
    drawIsoLines(ctx, vp, content.fields.isoHeight, ISO_HEIGHT_COLOR, []);
    drawIsoLines(ctx, vp, content.fields.isoRadius, ISO_RADIUS_COLOR, [5, 4]);
  }
  if (content.prior) drawPrior(ctx, vp, content.words.prior);
  if (content.aggregate) drawAggregate(ctx, vp, content.aggregate, content.words.aggregate);
  if (content.trails && content.points) drawTrails(ctx, vp, content.trails, content.points.codes);
  drawPoints(ctx, vp, content);
  if (content.pmodel) drawPModelMarks(ctx, vp, content.pmodel);
  if (content.path) drawPath(ctx, vp, content.path);
  drawAxisLabels(ctx, vp, content.words);
}

/** Faint lines at round latent values, the axes z = 0 a little stronger. */
function drawAxes(ctx: CanvasRenderingContext2D, vp: Viewport): void {
  const vis = visibleBounds(vp);
  const step = tickStep(vp.scale);
  ctx.lineWidth = 1;
  for (const v of ticks(vis.min[0], vis.max[0], step)) {
    const x = Math.round(latentToScreen(vp, { z1: v, z2: 0 }).x) + 0.5;
    ctx.strokeStyle = Math.abs(v) < step / 2 ? AXIS_ZERO : AXIS;
    line(ctx, x, 0, x, vp.height);
  }
  for (const v of ticks(vis.min[1], vis.max[1], step)) {
    const y = Math.round(latentToScreen(vp, { z1: 0, z2: v }).y) + 0.5;
    ctx.strokeStyle = Math.abs(v) < step / 2 ? AXIS_ZERO : AXIS;
    line(ctx, 0, y, vp.width, y);
  }
}

/**
 * Tick values and the axis names where placeAxisLabels puts them (none overlapping another),
 * drawn over the tiles and points with a dark halo so they stay readable.
 */
function drawAxisLabels(ctx: CanvasRenderingContext2D, vp: Viewport, words: MapWords): void {
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = LABEL_HALO;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  const fonts = { tick: TICK_FONT, name: NAME_FONT };
  const measure = (text: string, kind: 'tick' | 'name') => {
    ctx.font = fonts[kind];
    return ctx.measureText(text).width;
  };
  for (const label of placeAxisLabels(vp, measure, [words.axisZ1, words.axisZ2])) {
    ctx.font = fonts[label.kind];
    ctx.fillStyle = label.kind === 'name' ? AXIS_NAME : AXIS_LABEL;
    haloText(ctx, label.text, label.x, label.y);
  }
}

function haloText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number): void {
  ctx.strokeText(text, x, y);
  ctx.fillText(text, x, y);
}

function drawShade(
  ctx: CanvasRenderingContext2D,
  vp: Viewport,
  bounds: LatentBounds,
  shade: CanvasImageSource,
): void {
  const r = screenRect(vp, bounds);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(shade, r.x, r.y, r.w, r.h);
  // Beyond the shaded raster everything is far from the data: darkest shade.
  ctx.fillStyle = shadeCss(SHADE_MAX_ALPHA);
  ctx.fillRect(0, 0, vp.width, Math.max(0, r.y));
  ctx.fillRect(0, r.y + r.h, vp.width, Math.max(0, vp.height - r.y - r.h));
  ctx.fillRect(0, r.y, Math.max(0, r.x), r.h);
  ctx.fillRect(r.x + r.w, r.y, Math.max(0, vp.width - r.x - r.w), r.h);
}

function drawIsoLines(
  ctx: CanvasRenderingContext2D,
  vp: Viewport,
  lines: IsoLine[],
  color: string,
  dash: number[],
): void {
  ctx.strokeStyle = color;
  ctx.setLineDash(dash);
  for (const iso of lines) {
    ctx.lineWidth = Math.abs(iso.level - 0.5) < 1e-6 ? 1.8 : 1;
    ctx.globalAlpha = Math.abs(iso.level - 0.5) < 1e-6 ? 1 : 0.7;
    ctx.beginPath();
    traceSegments(ctx, vp, iso.segments);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}

/**
 * The 1σ radii (latent units) of point `i`'s posterior q(z|x) = N(μ, diag(exp(logVar))): exp(½·logVar)
 * per dimension; null without log-variances for it.
 *
 * @example posteriorRadii(Float32Array.of(0, Math.log(4)), 0) // [1, 2]
 */
export function posteriorRadii(logVar: Float32Array | null, i: number): [number, number] | null {
  if (!logVar || 2 * i + 1 >= logVar.length) return null;
  const r: [number, number] = [Math.exp(0.5 * logVar[2 * i]!), Math.exp(0.5 * logVar[2 * i + 1]!)];
  return r.every(Number.isFinite) ? r : null;
}

/** How many draws of ε the hovered point shows (EPS_DRAWS points, one fresh set per draw number). */
export const EPS_DRAWS = 24;

/**
 * EPS_DRAWS draws z = μ + σ·ε, ε ~ N(0, I), interleaved: the same for the same point and draw
 * number (a seeded generator), fresh for the next draw number.
 */
export function epsDraws(
  mu: [number, number],
  sigma: [number, number],
  point: number,
  draw: number,
  count = EPS_DRAWS,
): Float32Array {
  const rng = createRng((point * 7919 + draw * 104729) >>> 0);
  const out = new Float32Array(2 * count);
  for (let k = 0; k < count; k++) {
    out[2 * k] = mu[0] + sigma[0] * gaussian(rng);
    out[2 * k + 1] = mu[1] + sigma[1] * gaussian(rng);
  }
  return out;
}

/** The hovered code's 1σ posterior ellipse: where the encoder says this image's z may fall. */
function drawPosterior(ctx: CanvasRenderingContext2D, at: { x: number; y: number }, rx: number, ry: number) {
  ctx.save();
  ctx.fillStyle = POSTERIOR_FILL;
  ctx.strokeStyle = POSTERIOR_EDGE;
  ctx.lineWidth = 1.25;
  ctx.beginPath();
  ctx.ellipse(at.x, at.y, Math.max(0.5, rx), Math.max(0.5, ry), 0, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}

function drawPoints(ctx: CanvasRenderingContext2D, vp: Viewport, content: MapContent): void {
  const pts = content.points;
  if (!pts) return;
  const channel = FACTORS.indexOf(content.colorBy);
  const bins: Path2D[] = Array.from({ length: COLOR_BINS }, () => new Path2D());
  for (let i = 0; i < pts.count; i++) {
    const p = latentToScreen(vp, { z1: pts.codes[2 * i]!, z2: pts.codes[2 * i + 1]! });
    if (p.x < -4 || p.y < -4 || p.x > vp.width + 4 || p.y > vp.height + 4) continue;
    const t = pts.factors[2 * i + channel]!;
    const bin = Math.min(COLOR_BINS - 1, Math.max(0, Math.floor(t * COLOR_BINS)));
    bins[bin]!.moveTo(p.x + POINT_RADIUS_PX, p.y);
    bins[bin]!.arc(p.x, p.y, POINT_RADIUS_PX, 0, 2 * Math.PI);
  }
  ctx.lineWidth = 0.8;
  ctx.strokeStyle = POINT_OUTLINE;
  bins.forEach((path, bin) => {
    ctx.fillStyle = viridisCss((bin + 0.5) / COLOR_BINS);
    ctx.fill(path);
    ctx.stroke(path);
  });
  if (content.hoverIndex >= 0 && content.hoverIndex < pts.count) {
    const h = latentToScreen(vp, {
      z1: pts.codes[2 * content.hoverIndex]!,
      z2: pts.codes[2 * content.hoverIndex + 1]!,
    });
    const radii = posteriorRadii(content.logVar, content.hoverIndex);
    if (radii) drawPosterior(ctx, h, radii[0] * vp.scale, radii[1] * vp.scale);
    if (radii && content.epsDraw >= 0) {
      const mu: [number, number] = [
        pts.codes[2 * content.hoverIndex]!,
        pts.codes[2 * content.hoverIndex + 1]!,
      ];
      const draws = epsDraws(mu, radii, content.hoverIndex, content.epsDraw);
      ctx.fillStyle = POSTERIOR_EDGE;
      for (let k = 0; k < draws.length; k += 2) {
        const p = latentToScreen(vp, { z1: draws[k]!, z2: draws[k + 1]! });
        ctx.fillRect(p.x - 1.5, p.y - 1.5, 3, 3);
      }
    }
    ctx.strokeStyle = HOVER_RING;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(h.x, h.y, POINT_RADIUS_PX + 3, 0, 2 * Math.PI);
    ctx.stroke();
  }
}

/** The crosshair at the current latent point z (in CSS pixels: call after setting the dpr transform). */
export function drawCrosshair(ctx: CanvasRenderingContext2D, vp: Viewport, z: [number, number]): void {
  const c = latentToScreen(vp, { z1: z[0], z2: z[1] });
  ctx.strokeStyle = CROSSHAIR_LINE;
  ctx.lineWidth = 1;
  line(ctx, c.x, 0, c.x, c.y - 12);
  line(ctx, c.x, c.y + 12, c.x, vp.height);
  line(ctx, 0, c.y, c.x - 12, c.y);
  line(ctx, c.x + 12, c.y, vp.width, c.y);
  ctx.beginPath();
  ctx.arc(c.x, c.y, 8, 0, 2 * Math.PI);
  ctx.lineWidth = 4;
  ctx.strokeStyle = CROSSHAIR_SHADOW;
  ctx.stroke();
  ctx.lineWidth = 2;
  ctx.strokeStyle = CROSSHAIR;
  ctx.stroke();
  ctx.fillStyle = CROSSHAIR;
  ctx.beginPath();
  ctx.arc(c.x, c.y, 1.6, 0, 2 * Math.PI);
  ctx.fill();
  const edge = edgeMarker(vp, c);
  if (edge) drawEdgeArrow(ctx, edge);
}

function drawEdgeArrow(ctx: CanvasRenderingContext2D, m: EdgeMarker): void {
  ctx.save();
  ctx.translate(m.x, m.y);
  ctx.rotate(m.angle);
  ctx.beginPath();
  ctx.moveTo(9, 0);
  ctx.lineTo(-6, -7);
  ctx.lineTo(-3, 0);
  ctx.lineTo(-6, 7);
  ctx.closePath();
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = EDGE_ARROW_SHADOW;
  ctx.stroke();
  ctx.fillStyle = CROSSHAIR;
  ctx.fill();
  ctx.restore();
}

function line(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}
