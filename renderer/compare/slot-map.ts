/**
 * A Compare slot's small map: its validation codes coloured by a true factor on the one colour
 * scale every slot shares (viridis over the factor's [0, 1]), on a square frame with equal scales
 * on both axes (so a rotated latent looks rotated), and the linked cursor's mark.
 */
import type { LatentPoints } from '../../shared/api';
import { boundsOfCodes } from '../../shared/latent-bounds';
import type { Factor } from '../../shared/factors';
import { FACTORS } from '../../shared/factors';
import { viridisCss } from '../latent-map/colormap';

/** A square window on latent space: centre and half-side. */
export interface Frame {
  cx: number;
  cy: number;
  half: number;
}

/**
 * The square frame around every finite code, with a margin of 8 % (around the unit box when
 * there is none: shared/latent-bounds.ts).
 *
 * @example frameOf(new Float32Array([0, 0, 2, 1])) // { cx: 1, cy: 0.5, half: 1.08 }
 */
export function frameOf(codes: Float32Array): Frame {
  const { min, max } = boundsOfCodes(codes);
  const half = Math.max((max[0] - min[0]) / 2, (max[1] - min[1]) / 2, 1e-6) * 1.08;
  return { cx: (min[0] + max[0]) / 2, cy: (min[1] + max[1]) / 2, half };
}

/** Latent → canvas pixels (y up on screen). */
export function toScreen(frame: Frame, side: number, z: readonly [number, number]): { x: number; y: number } {
  const s = side / (2 * frame.half);
  return { x: (z[0] - frame.cx) * s + side / 2, y: side / 2 - (z[1] - frame.cy) * s };
}

/** Canvas pixels → latent. */
export function toLatent(frame: Frame, side: number, x: number, y: number): [number, number] {
  const s = (2 * frame.half) / side;
  return [frame.cx + (x - side / 2) * s, frame.cy - (y - side / 2) * s];
}

/** Draws the codes, coloured by `colorBy`, over a faint z = 0 cross. */
export function drawSlotPoints(
  ctx: CanvasRenderingContext2D,
  side: number,
  frame: Frame,
  points: LatentPoints,
  colorBy: Factor,
): void {
  ctx.clearRect(0, 0, side, side);
  ctx.fillStyle = '#05070a';
  ctx.fillRect(0, 0, side, side);
  const origin = toScreen(frame, side, [0, 0]);
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.12)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(origin.x, 0);
  ctx.lineTo(origin.x, side);
  ctx.moveTo(0, origin.y);
  ctx.lineTo(side, origin.y);
  ctx.stroke();
  const f = FACTORS.indexOf(colorBy);
  const r = Math.max(1.2, side / 180);
  // Why 32 colour buckets: one fillStyle per bucket, not per point (800+ points, four maps).
  const buckets: number[][] = Array.from({ length: 32 }, () => []);
  for (let i = 0; i < points.count; i++) {
    const t = points.factors[2 * i + f]!;
    buckets[Math.min(31, Math.max(0, Math.floor(t * 32)))]!.push(i);
  }
  buckets.forEach((idx, b) => {
    if (idx.length === 0) return;
    ctx.fillStyle = viridisCss((b + 0.5) / 32);
    ctx.beginPath();
    for (const i of idx) {
      const p = toScreen(frame, side, [points.codes[2 * i]!, points.codes[2 * i + 1]!]);
      ctx.moveTo(p.x + r, p.y);
      ctx.arc(p.x, p.y, r, 0, 2 * Math.PI);
    }
    ctx.fill();
  });
}

/** Draws the linked cursor's mark at z (a ring with a cross), clamped to the edge if outside. */
export function drawCursor(
  ctx: CanvasRenderingContext2D,
  side: number,
  frame: Frame,
  z: [number, number],
): void {
  ctx.clearRect(0, 0, side, side);
  const p = toScreen(frame, side, z);
  const x = Math.min(side - 6, Math.max(6, p.x));
  const y = Math.min(side - 6, Math.max(6, p.y));
  const ring = Math.max(6, side / 28);
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#000';
  ctx.beginPath();
  ctx.arc(x, y, ring + 1, 0, 2 * Math.PI);
  ctx.stroke();
  ctx.strokeStyle = '#ff5fa2';
  ctx.beginPath();
  ctx.arc(x, y, ring, 0, 2 * Math.PI);
  ctx.moveTo(x - ring * 1.8, y);
  ctx.lineTo(x - ring * 0.5, y);
  ctx.moveTo(x + ring * 0.5, y);
  ctx.lineTo(x + ring * 1.8, y);
  ctx.moveTo(x, y - ring * 1.8);
  ctx.lineTo(x, y - ring * 0.5);
  ctx.moveTo(x, y + ring * 0.5);
  ctx.lineTo(x, y + ring * 1.8);
  ctx.stroke();
}
