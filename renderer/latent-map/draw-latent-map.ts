import type { LatentBounds } from '../../shared/api';
import { viridisCss } from './colormap';
import type { IsoLine } from './map-fields';
import type { MapScene } from './map-scene';
import { SHADE_MAX_ALPHA } from './shading';
import { latentToScreen, visibleBounds, type Viewport } from './viewport';

/** Palette of the map (kept in step with styles.css). */
const BACKGROUND = '#0b0e13';
const AXIS = 'rgba(160, 172, 196, 0.10)';
const AXIS_ZERO = 'rgba(160, 172, 196, 0.22)';
const AXIS_LABEL = 'rgba(214, 222, 236, 0.92)';
const AXIS_NAME = '#e4e8ef';
const LABEL_HALO = 'rgba(11, 14, 19, 0.85)';
/** Tick labels give way to the axis name within this many CSS px of it. */
const NAME_CLEARANCE = 26;
const SHADE_RGB = '8, 10, 14';
export const ISO_HEIGHT_COLOR = 'rgba(255, 190, 110, 0.9)';
export const ISO_RADIUS_COLOR = 'rgba(120, 210, 255, 0.9)';
/** Opacity of the decoded tiles under the points (full strength would drown the points). */
const TILE_ALPHA = 0.62;
/** Colour bins for points: one path per bin instead of one fill per point. */
const COLOR_BINS = 32;
const POINT_RADIUS_PX = 2.6;

/**
 * Paints the latent map: axes, decoded tiles, off-manifold shading, iso-lines, the encoded
 * points coloured by a true factor, the hovered point and the crosshair at z. A pure function of
 * its arguments; `ctx` is in device pixels and `dpr` device pixels per CSS pixel.
 */
export function drawLatentMap(
  ctx: CanvasRenderingContext2D,
  scene: MapScene,
  vp: Viewport,
  dpr: number,
): void {
  drawMapBase(ctx, scene, vp, dpr);
  drawCrosshair(ctx, vp, scene.z);
}

/**
 * Everything but the crosshair. It changes only with the view, the model and the layers, so the
 * canvas keeps it in an offscreen copy and a drag repaints just the crosshair over it.
 */
export function drawMapBase(ctx: CanvasRenderingContext2D, scene: MapScene, vp: Viewport, dpr: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, vp.width, vp.height);
  drawAxes(ctx, vp);
  if (scene.layers.showTiles && scene.tiles) {
    ctx.globalAlpha = TILE_ALPHA;
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    const r = screenRect(vp, scene.tiles.bounds);
    ctx.drawImage(scene.tiles.image, r.x, r.y, r.w, r.h);
    ctx.globalAlpha = 1;
  }
  if (scene.layers.showShading && scene.fields && scene.shade)
    drawShade(ctx, vp, scene.fields.bounds, scene.shade);
  if (scene.layers.showContours && scene.fields) {
    drawIsoLines(ctx, vp, scene.fields.isoHeight, ISO_HEIGHT_COLOR, []);
    drawIsoLines(ctx, vp, scene.fields.isoRadius, ISO_RADIUS_COLOR, [5, 4]);
  }
  drawPoints(ctx, vp, scene);
  drawAxisLabels(ctx, vp);
}

/** Latent rectangle → screen rectangle (CSS px). */
export function screenRect(vp: Viewport, b: LatentBounds): { x: number; y: number; w: number; h: number } {
  const tl = latentToScreen(vp, { z1: b.min[0], z2: b.max[1] });
  const br = latentToScreen(vp, { z1: b.max[0], z2: b.min[1] });
  return { x: tl.x, y: tl.y, w: br.x - tl.x, h: br.y - tl.y };
}

/** Faint lines at round latent values, the axes z = 0 a little stronger. */
function drawAxes(ctx: CanvasRenderingContext2D, vp: Viewport): void {
  const vis = visibleBounds(vp);
  const step = niceStep(80 / vp.scale);
  ctx.lineWidth = 1;
  for (let v = Math.ceil(vis.min[0] / step) * step; v <= vis.max[0]; v += step) {
    const x = Math.round(latentToScreen(vp, { z1: v, z2: 0 }).x) + 0.5;
    ctx.strokeStyle = Math.abs(v) < step / 2 ? AXIS_ZERO : AXIS;
    line(ctx, x, 0, x, vp.height);
  }
  for (let v = Math.ceil(vis.min[1] / step) * step; v <= vis.max[1]; v += step) {
    const y = Math.round(latentToScreen(vp, { z1: 0, z2: v }).y) + 0.5;
    ctx.strokeStyle = Math.abs(v) < step / 2 ? AXIS_ZERO : AXIS;
    line(ctx, 0, y, vp.width, y);
  }
}

/**
 * Tick values on the bottom and left edges and the axis names "z₁ →" (bottom) and "z₂ ↑" (left),
 * drawn over the tiles and points with a dark halo so they stay readable.
 */
function drawAxisLabels(ctx: CanvasRenderingContext2D, vp: Viewport): void {
  const vis = visibleBounds(vp);
  const step = niceStep(80 / vp.scale);
  const midX = vp.width / 2;
  const midY = vp.height / 2;
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = LABEL_HALO;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.font = '10.5px ui-monospace, SFMono-Regular, Menlo, monospace';
  ctx.fillStyle = AXIS_LABEL;
  for (let v = Math.ceil(vis.min[0] / step) * step; v <= vis.max[0]; v += step) {
    const x = Math.round(latentToScreen(vp, { z1: v, z2: 0 }).x) + 0.5;
    if (Math.abs(x - midX) > NAME_CLEARANCE + 12) haloText(ctx, label(v), x + 3, vp.height - 5);
  }
  for (let v = Math.ceil(vis.min[1] / step) * step; v <= vis.max[1]; v += step) {
    const y = Math.round(latentToScreen(vp, { z1: 0, z2: v }).y) + 0.5;
    if (Math.abs(y - midY) > NAME_CLEARANCE + 8) haloText(ctx, label(v), 4, y - 3);
  }
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.fillStyle = AXIS_NAME;
  ctx.textAlign = 'center';
  haloText(ctx, 'z₁ →', midX, vp.height - 5);
  ctx.save();
  ctx.translate(15, midY);
  ctx.rotate(-Math.PI / 2);
  haloText(ctx, 'z₂ →', 0, 0);
  ctx.restore();
  ctx.textAlign = 'left';
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
  ctx.fillStyle = `rgba(${SHADE_RGB}, ${SHADE_MAX_ALPHA})`;
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
    const s = iso.segments;
    for (let i = 0; i + 3 < s.length; i += 4) {
      const a = latentToScreen(vp, { z1: s[i]!, z2: s[i + 1]! });
      const b = latentToScreen(vp, { z1: s[i + 2]!, z2: s[i + 3]! });
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
    }
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}

function drawPoints(ctx: CanvasRenderingContext2D, vp: Viewport, scene: MapScene): void {
  const pts = scene.points;
  if (!pts) return;
  const channel = scene.colorBy === 'height' ? 0 : 1;
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
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.55)';
  bins.forEach((path, bin) => {
    ctx.fillStyle = viridisCss((bin + 0.5) / COLOR_BINS);
    ctx.fill(path);
    ctx.stroke(path);
  });
  if (scene.hoverIndex >= 0 && scene.hoverIndex < pts.count) {
    const h = latentToScreen(vp, {
      z1: pts.codes[2 * scene.hoverIndex]!,
      z2: pts.codes[2 * scene.hoverIndex + 1]!,
    });
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(h.x, h.y, POINT_RADIUS_PX + 3, 0, 2 * Math.PI);
    ctx.stroke();
  }
}

/** The crosshair at the current latent point z (in CSS pixels: call after setting the dpr transform). */
export function drawCrosshair(ctx: CanvasRenderingContext2D, vp: Viewport, z: [number, number]): void {
  const c = latentToScreen(vp, { z1: z[0], z2: z[1] });
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.28)';
  ctx.lineWidth = 1;
  line(ctx, c.x, 0, c.x, c.y - 12);
  line(ctx, c.x, c.y + 12, c.x, vp.height);
  line(ctx, 0, c.y, c.x - 12, c.y);
  line(ctx, c.x + 12, c.y, vp.width, c.y);
  ctx.beginPath();
  ctx.arc(c.x, c.y, 8, 0, 2 * Math.PI);
  ctx.lineWidth = 4;
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.6)';
  ctx.stroke();
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.arc(c.x, c.y, 1.6, 0, 2 * Math.PI);
  ctx.fill();
  const edge = edgeMarker(vp, c);
  if (edge) drawEdgeArrow(ctx, edge);
}

/** Inset of the edge marker from the map's border, CSS px. */
const EDGE_INSET = 12;

/**
 * Where to point at z when it lies outside the visible map: a spot just inside the border on the
 * way from the centre to z, and the direction (radians, screen space) toward z; null when z is in view.
 */
export function edgeMarker(
  vp: Viewport,
  c: { x: number; y: number },
): { x: number; y: number; angle: number } | null {
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

function drawEdgeArrow(ctx: CanvasRenderingContext2D, m: { x: number; y: number; angle: number }): void {
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
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.7)';
  ctx.stroke();
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.restore();
}

function line(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

function label(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return (r === 0 ? 0 : r).toString().replace('-', '−');
}

/** A round step (1, 2 or 5 × 10ⁿ) at least `raw`. */
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}
