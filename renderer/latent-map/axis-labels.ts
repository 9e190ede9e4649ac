/**
 * Where the map's axis text goes: tick values along the bottom (z₁) and left (z₂) edges, and the
 * axis names at the ends their arrows point to ("z₁ →" bottom right, "z₂ ↑" top left), so a name
 * never takes the place of a tick in the middle (where 0 usually is). Pure, so it is tested
 * without a canvas; draw-latent-map.ts paints what it returns.
 */
import { latentToScreen, visibleBounds, type Viewport } from './viewport';

/** One piece of axis text: drawn left-aligned with its baseline at (x, y), in CSS px. */
export interface AxisLabel {
  text: string;
  x: number;
  y: number;
  kind: 'tick' | 'name';
}

/** Width in CSS px of `text` in the tick font ('tick') or the name font ('name'). */
export type MeasureText = (text: string, kind: AxisLabel['kind']) => number;

/** Tick gridlines are at least this many CSS px apart. */
export const TICK_SPACING_PX = 80;
/** Text height above its baseline, and below it (descenders, the halo). */
const ASCENT_PX = 11;
const DESCENT_PX = 3;
/** Free space kept between two labels, and between a label and the canvas edge. */
const GAP_PX = 4;
const EDGE_PX = 4;

/**
 * The axis text to draw for `vp`: the two names first (`names`, z₁'s then z₂'s, in the language
 * on screen), then every tick value that fits inside the canvas without touching text already
 * placed (bottom ticks before left ones, so at the bottom-left corner the z₁ value stays and the
 * z₂ one gives way).
 *
 * @example placeAxisLabels(vp, (t) => 6.5 * t.length, ['z₁ →', 'z₂ ↑']) // [{ text: 'z₁ →', … }, { text: 'z₂ ↑', … }, { text: '−10', … }, …]
 */
export function placeAxisLabels(
  vp: Viewport,
  measure: MeasureText,
  names: readonly [string, string],
): AxisLabel[] {
  const bottom = vp.height - EDGE_PX - DESCENT_PX;
  const [z1, z2] = names;
  const candidates: AxisLabel[] = [
    { text: z1, x: vp.width - EDGE_PX - measure(z1, 'name'), y: bottom, kind: 'name' },
    { text: z2, x: EDGE_PX, y: EDGE_PX + ASCENT_PX, kind: 'name' },
  ];
  const step = tickStep(vp.scale);
  const vis = visibleBounds(vp);
  for (const v of ticks(vis.min[0], vis.max[0], step)) {
    const x = Math.round(latentToScreen(vp, { z1: v, z2: 0 }).x) + 3.5;
    candidates.push({ text: tickText(v), x, y: bottom, kind: 'tick' });
  }
  for (const v of ticks(vis.min[1], vis.max[1], step)) {
    const y = Math.round(latentToScreen(vp, { z1: 0, z2: v }).y) - 2.5;
    candidates.push({ text: tickText(v), x: EDGE_PX, y, kind: 'tick' });
  }
  const placed: { label: AxisLabel; box: Box }[] = [];
  for (const label of candidates) {
    const box = boxOf(label, measure(label.text, label.kind));
    const inside =
      box.x0 >= EDGE_PX - 0.5 && box.x1 <= vp.width - EDGE_PX + 0.5 && box.y0 >= 0 && box.y1 <= vp.height;
    if (inside && placed.every((p) => !overlaps(p.box, box))) placed.push({ label, box });
  }
  return placed.map((p) => p.label);
}

/** The latent step between gridlines: a round 1, 2 or 5 × 10ⁿ, at least TICK_SPACING_PX apart. */
export function tickStep(scale: number): number {
  return niceStep(TICK_SPACING_PX / scale);
}

/** Multiples of `step` from `min` to `max`. */
export function ticks(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  for (let k = Math.ceil(min / step); k * step <= max; k++) out.push(k * step);
  return out;
}

/** "−2.5", "0", "10": a tick value with a true minus sign and no float noise. */
export function tickText(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return (r === 0 ? 0 : r).toString().replace('-', '−');
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function boxOf(label: AxisLabel, width: number): Box {
  return { x0: label.x, y0: label.y - ASCENT_PX, x1: label.x + width, y1: label.y + DESCENT_PX };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 + GAP_PX && b.x0 < a.x1 + GAP_PX && a.y0 < b.y1 + GAP_PX && b.y0 < a.y1 + GAP_PX;
}

/** A round step (1, 2 or 5 × 10ⁿ) at least `raw`. */
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}
