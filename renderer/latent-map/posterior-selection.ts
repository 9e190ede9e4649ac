/**
 * Which encoded points a selection holds, and their 1σ posterior ellipses. Pure (no DOM).
 *
 * The selection is the p_model's uniform box: it is the map's one region the user draws and drags
 * (box-handles.ts), so it exists only while the 'box' family is fitted and the p_model layer is
 * on. No other region selection exists on the map (a press moves z, Shift-drag pans), and adding a
 * second drag gesture for it would fight those; the hovered point keeps its own ellipse without a
 * box (draw-latent-map.ts). So: a VAE with the box shown shows the posteriors of the codes in it.
 */
import type { LatentBounds } from '../../shared/api';

/**
 * At most this many ellipses are drawn: the first SELECTION_ELLIPSE_CAP points inside the box, in
 * the points' order. Past a few hundred thin strokes the ellipses merge into one grey wash that
 * hides the points, and each costs a stroke whenever the box is dragged.
 */
export const SELECTION_ELLIPSE_CAP = 300;

/**
 * Indices of the points (codes interleaved [z1, z2, …]) inside `box`, edges included, in index
 * order, at most `cap` of them. Non-finite codes are never inside.
 *
 * @example pointsInBox(Float32Array.of(0, 0, 2, 2, 0.5, -0.5), { min: [-1, -1], max: [1, 1] }) // [0, 2]
 */
export function pointsInBox(codes: Float32Array, box: LatentBounds, cap = SELECTION_ELLIPSE_CAP): number[] {
  const out: number[] = [];
  const count = Math.floor(codes.length / 2);
  for (let i = 0; i < count && out.length < cap; i++) {
    const z1 = codes[2 * i]!;
    const z2 = codes[2 * i + 1]!;
    if (z1 >= box.min[0] && z1 <= box.max[0] && z2 >= box.min[1] && z2 <= box.max[1]) out.push(i);
  }
  return out;
}

/**
 * The 1σ ellipses of the posteriors q(z|xᵢ) = N(μᵢ, diag(exp(logVarᵢ))) of the points inside
 * `box` (pointsInBox, capped): packed [μ₁, μ₂, σ₁, σ₂, …], 4 numbers per ellipse, axis-aligned,
 * σ = exp(½·logVar) per axis in latent units. A point whose σ is not finite is left out. Empty
 * without log-variances (an autoencoder), without a box, or when logVar does not match the codes.
 *
 * @example selectionEllipses(Float32Array.of(0, 0, 5, 5), Float32Array.of(0, Math.log(4), 0, 0), { min: [-1, -1], max: [1, 1] }) // [0, 0, 1, 2]
 */
export function selectionEllipses(
  codes: Float32Array,
  logVar: Float32Array | null,
  box: LatentBounds | null,
  cap = SELECTION_ELLIPSE_CAP,
): Float32Array {
  if (!logVar || !box || logVar.length !== codes.length) return new Float32Array(0);
  const out: number[] = [];
  for (const i of pointsInBox(codes, box, cap)) {
    const s1 = Math.exp(0.5 * logVar[2 * i]!);
    const s2 = Math.exp(0.5 * logVar[2 * i + 1]!);
    if (Number.isFinite(s1) && Number.isFinite(s2)) out.push(codes[2 * i]!, codes[2 * i + 1]!, s1, s2);
  }
  return Float32Array.from(out);
}
