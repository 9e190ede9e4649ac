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

/** Latent → screen. @example latentToScreen(vp, { z1: vp.centerZ1, z2: vp.centerZ2 }) // { x: width/2, y: height/2 } */
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

/** `bounds` grown by `fraction` of its span on every side, e.g. 0.1 → 10 % margin. */
export function expandBounds(bounds: LatentBounds, fraction: number): LatentBounds {
  const padZ1 = (bounds.max[0] - bounds.min[0]) * fraction || fraction;
  const padZ2 = (bounds.max[1] - bounds.min[1]) * fraction || fraction;
  return {
    min: [bounds.min[0] - padZ1, bounds.min[1] - padZ2],
    max: [bounds.max[0] + padZ1, bounds.max[1] + padZ2],
  };
}

/** Bounds of interleaved 2-D codes; a unit box around 0 when there are none. */
export function boundsOfCodes(codes: Float32Array): LatentBounds {
  if (codes.length < 2) return { min: [-1, -1], max: [1, 1] };
  let min1 = Infinity;
  let min2 = Infinity;
  let max1 = -Infinity;
  let max2 = -Infinity;
  for (let i = 0; i + 1 < codes.length; i += 2) {
    const a = codes[i] as number;
    const b = codes[i + 1] as number;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (a < min1) min1 = a;
    if (a > max1) max1 = a;
    if (b < min2) min2 = b;
    if (b > max2) max2 = b;
  }
  if (min1 > max1) return { min: [-1, -1], max: [1, 1] };
  return { min: [min1, min2], max: [max1, max2] };
}

function positiveSpan(span: number): number {
  return Number.isFinite(span) && span > 1e-9 ? span : 1;
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

/**
 * Bounds that leave out the most extreme `tail` fraction of codes at each end of each axis
 * (e.g. 0.01 → the 1st to 99th percentile), so a few outliers do not shrink the dense part of the
 * data to a corner of the view. Falls back to `boundsOfCodes` for fewer than 20 points.
 */
export function robustBounds(codes: Float32Array, tail = 0.01): LatentBounds {
  const n = Math.floor(codes.length / 2);
  if (n < 20) return boundsOfCodes(codes);
  const axis = (k: 0 | 1) => {
    const values: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = codes[2 * i + k] as number;
      if (Number.isFinite(v)) values.push(v);
    }
    values.sort((a, b) => a - b);
    const lo = values[Math.floor(tail * (values.length - 1))] ?? -1;
    const hi = values[Math.ceil((1 - tail) * (values.length - 1))] ?? 1;
    return [lo, hi] as const;
  };
  const [min1, max1] = axis(0);
  const [min2, max2] = axis(1);
  return { min: [min1, min2], max: [max1, max2] };
}
