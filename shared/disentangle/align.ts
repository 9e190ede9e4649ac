/**
 * Rotating 2-D codes, and the rotation that best aligns them with the factors: the angle that
 * maximises MIG (issue 12's "Align to factors"). MIG does not change when axes swap or flip, so
 * angles a quarter turn apart score alike: the search covers one quarter turn.
 */
import { mig } from './mig';

/**
 * Interleaved 2-D codes turned by `angle` radians (counter-clockwise): (x, y) → (x cos − y sin, x sin + y cos).
 *
 * @example rotateCodes(new Float32Array([1, 0]), Math.PI / 2) // ≈ [0, 1]
 */
export function rotateCodes(codes: ArrayLike<number>, angle: number): Float32Array {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const out = new Float32Array(codes.length - (codes.length % 2));
  for (let i = 0; i + 1 < codes.length; i += 2) {
    const x = codes[i]!;
    const y = codes[i + 1]!;
    out[i] = x * c - y * s;
    out[i + 1] = x * s + y * c;
  }
  return out;
}

/** Degrees of the coarse search, then of the fine one around its best. */
const COARSE_STEP = Math.PI / 180;
const FINE_STEP = Math.PI / 1800;

/**
 * The turn, in (−π/4, π/4], to apply to `codes` that maximises their MIG against `factors` (2-D
 * codes and 2 factors, interleaved), and that MIG. A 1° search, then 0.1° around its best; ties
 * keep the smallest turn.
 *
 * @example alignAngle(rotateCodes(factors, 0.5), factors).angle // ≈ −0.5
 */
export function alignAngle(
  codes: ArrayLike<number>,
  factors: ArrayLike<number>,
): { angle: number; mig: number } {
  const score = (a: number) => mig(rotateCodes(codes, a), factors, 2, 2).mig;
  let best = { angle: 0, mig: score(0) };
  const consider = (a: number) => {
    const m = score(a);
    if (m > best.mig + 1e-12 || (Math.abs(m - best.mig) <= 1e-12 && Math.abs(a) < Math.abs(best.angle)))
      best = { angle: a, mig: m };
  };
  for (let a = -Math.PI / 4 + COARSE_STEP; a <= Math.PI / 4 + 1e-9; a += COARSE_STEP) consider(a);
  const centre = best.angle;
  for (let a = centre - COARSE_STEP; a <= centre + COARSE_STEP + 1e-12; a += FINE_STEP) consider(a);
  return best;
}
