import type { LatentBounds } from '../../shared/api';

/**
 * The map's view of latent space: which latent point sits at the centre of the canvas and how
 * many CSS pixels one latent unit spans. One scale for both axes, so a latent square is a screen
 * square. Screen y grows downward; latent z₂ grows upward.
 */
export interface Viewport {
  /** Latent point at the canvas centre. */
  centerZ1: number;
  centerZ2: number;
  /** CSS pixels per latent unit (> 0). */
  scale: number;
  /** Canvas size in CSS pixels. */
  width: number;
  height: number;
}

/** A point in latent space (z₁, z₂). Distinct field names keep it apart from screen points. */
export interface LatentPoint {
  z1: number;
  z2: number;
}

/** A point on the canvas in CSS pixels from its top-left corner. */
export interface ScreenPoint {
  x: number;
  y: number;
}

/** Smallest and largest zoom relative to the fitted view. */
const MIN_SCALE = 1e-3;
const MAX_SCALE = 1e6;

/**
 * Latent → screen.
 *
 * @example latentToScreen(vp, { z1: vp.centerZ1, z2: vp.centerZ2 }) // { x: width / 2, y: height / 2 }
 */
export function latentToScreen(vp: Viewport, p: LatentPoint): ScreenPoint {
  return {
    x: vp.width / 2 + (p.z1 - vp.centerZ1) * vp.scale,
    y: vp.height / 2 - (p.z2 - vp.centerZ2) * vp.scale,
  };
}

/** Screen → latent (inverse of `latentToScreen`). */
export function screenToLatent(vp: Viewport, p: ScreenPoint): LatentPoint {
  return {
    z1: vp.centerZ1 + (p.x - vp.width / 2) / vp.scale,
    z2: vp.centerZ2 - (p.y - vp.height / 2) / vp.scale,
  };
}

/** Latent rectangle → screen rectangle (CSS px): top-left corner, width and height. */
export function screenRect(vp: Viewport, b: LatentBounds): { x: number; y: number; w: number; h: number } {
  const tl = latentToScreen(vp, { z1: b.min[0], z2: b.max[1] });
  const br = latentToScreen(vp, { z1: b.max[0], z2: b.min[1] });
  return { x: tl.x, y: tl.y, w: br.x - tl.x, h: br.y - tl.y };
}

/** The latent rectangle the canvas shows. */
export function visibleBounds(vp: Viewport): LatentBounds {
  const halfW = vp.width / 2 / vp.scale;
  const halfH = vp.height / 2 / vp.scale;
  return {
    min: [vp.centerZ1 - halfW, vp.centerZ2 - halfH],
    max: [vp.centerZ1 + halfW, vp.centerZ2 + halfH],
  };
}

/** The smallest latent square (same centre) that covers the visible rectangle: where grid tiles go. */
export function visibleSquare(vp: Viewport): LatentBounds {
  const half = Math.max(vp.width, vp.height) / 2 / vp.scale;
  return {
    min: [vp.centerZ1 - half, vp.centerZ2 - half],
    max: [vp.centerZ1 + half, vp.centerZ2 + half],
  };
}

/**
 * A viewport of the given size that shows `bounds` whole, centred, with `marginPx` to spare on
 * every side. Degenerate bounds (zero span) get a span of 1.
 */
export function fitBounds(bounds: LatentBounds, width: number, height: number, marginPx = 24): Viewport {
  const spanZ1 = positiveSpan(bounds.max[0] - bounds.min[0]);
  const spanZ2 = positiveSpan(bounds.max[1] - bounds.min[1]);
  const usableW = Math.max(width - 2 * marginPx, 1);
  const usableH = Math.max(height - 2 * marginPx, 1);
  const scale = clamp(Math.min(usableW / spanZ1, usableH / spanZ2), MIN_SCALE, MAX_SCALE);
  return {
    centerZ1: (bounds.min[0] + bounds.max[0]) / 2,
    centerZ2: (bounds.min[1] + bounds.max[1]) / 2,
    scale,
    width,
    height,
  };
}

/** Zooms by `factor` (> 1 = in) keeping the latent point under `anchor` fixed on screen. */
export function zoomAt(vp: Viewport, anchor: ScreenPoint, factor: number): Viewport {
  const scale = clamp(vp.scale * factor, MIN_SCALE, MAX_SCALE);
  const before = screenToLatent(vp, anchor);
  const scaled = { ...vp, scale };
  const after = screenToLatent(scaled, anchor);
  return {
    ...scaled,
    centerZ1: vp.centerZ1 + (before.z1 - after.z1),
    centerZ2: vp.centerZ2 + (before.z2 - after.z2),
  };
}

/** Moves the view so the content follows a drag of (dx, dy) CSS pixels. */
export function panBy(vp: Viewport, dx: number, dy: number): Viewport {
  return { ...vp, centerZ1: vp.centerZ1 - dx / vp.scale, centerZ2: vp.centerZ2 + dy / vp.scale };
}

/** Keeps the centre and scale, changes the canvas size (on resize). */
export function resizeViewport(vp: Viewport, width: number, height: number): Viewport {
  return { ...vp, width, height };
}

function positiveSpan(span: number): number {
  return Number.isFinite(span) && span > 1e-9 ? span : 1;
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}
