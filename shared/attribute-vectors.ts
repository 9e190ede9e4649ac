/**
 * Attribute vectors (issue 13): the latent direction that makes a cylinder taller or wider, from
 * the codes of images whose true factors are known. Both methods give a vector v per unit of the
 * factor: moving z by s·v should change the factor by about s (factors run 0…1).
 *
 * - quartile: the classic one (the "smile vector"): mean code of the images in the factor's top
 *   quartile minus that of its bottom quartile, divided by the gap of their mean factors. One
 *   direction for the whole space.
 * - gradient: the local slope of the factor field at z: a least-squares plane f ≈ c + w·(code − z)
 *   through the k nearest codes; v = w / |w|², the shortest step that adds 1 to the plane. Follows
 *   a curved map where the quartile vector does not.
 */

export type VectorMethod = 'quartile' | 'gradient';

/** Neighbours the local plane is fitted to. */
export const GRADIENT_NEIGHBOURS = 60;

/**
 * The quartile vector of factor `f` (0 = height, 1 = radius) over interleaved 2-D `codes` and
 * interleaved factor pairs; null with fewer than 8 points or no spread in the factor.
 */
export function quartileVector(
  codes: Float32Array,
  factors: Float32Array,
  f: 0 | 1,
): [number, number] | null {
  const n = Math.min(codes.length, factors.length) >> 1;
  if (n < 8) return null;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => factors[2 * i + f]! - factors[2 * j + f]!,
  );
  const q = Math.floor(n / 4);
  const mean = (idx: number[]) => {
    let z1 = 0;
    let z2 = 0;
    let fac = 0;
    for (const i of idx) {
      z1 += codes[2 * i]!;
      z2 += codes[2 * i + 1]!;
      fac += factors[2 * i + f]!;
    }
    return [z1 / idx.length, z2 / idx.length, fac / idx.length] as const;
  };
  const bottom = mean(order.slice(0, q));
  const top = mean(order.slice(n - q));
  const gap = top[2] - bottom[2];
  if (!(gap > 1e-9)) return null;
  const v: [number, number] = [(top[0] - bottom[0]) / gap, (top[1] - bottom[1]) / gap];
  return v.every(Number.isFinite) ? v : null;
}

/**
 * The local gradient vector of factor `f` at `z` (see the file's comment); null where the k
 * nearest codes do not span a plane or the factor is flat there.
 */
export function gradientVector(
  codes: Float32Array,
  factors: Float32Array,
  f: 0 | 1,
  z: readonly [number, number],
  k = GRADIENT_NEIGHBOURS,
): [number, number] | null {
  const n = Math.min(codes.length, factors.length) >> 1;
  if (n < 3) return null;
  const near = nearest(codes, n, z, Math.min(k, n));
  // Least squares of f on (1, dx, dy): the 3×3 normal equations.
  let s1 = 0,
    sx = 0,
    sy = 0,
    sxx = 0,
    sxy = 0,
    syy = 0,
    sf = 0,
    sxf = 0,
    syf = 0;
  for (const i of near) {
    const dx = codes[2 * i]! - z[0];
    const dy = codes[2 * i + 1]! - z[1];
    const v = factors[2 * i + f]!;
    s1 += 1;
    sx += dx;
    sy += dy;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
    sf += v;
    sxf += dx * v;
    syf += dy * v;
  }
  // Centre, then solve the 2×2 system for the slopes.
  const cxx = sxx - (sx * sx) / s1;
  const cxy = sxy - (sx * sy) / s1;
  const cyy = syy - (sy * sy) / s1;
  const cxf = sxf - (sx * sf) / s1;
  const cyf = syf - (sy * sf) / s1;
  const det = cxx * cyy - cxy * cxy;
  if (!(Math.abs(det) > 1e-12 * Math.max(1, cxx * cyy))) return null;
  const w1 = (cyy * cxf - cxy * cyf) / det;
  const w2 = (cxx * cyf - cxy * cxf) / det;
  const norm2 = w1 * w1 + w2 * w2;
  if (!(norm2 > 1e-12)) return null;
  return [w1 / norm2, w2 / norm2];
}

/** Indices of the k codes nearest z (a partial selection: n log k). */
function nearest(codes: Float32Array, n: number, z: readonly [number, number], k: number): number[] {
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = (codes[2 * i]! - z[0]) ** 2 + (codes[2 * i + 1]! - z[1]) ** 2;
  const idx = Array.from({ length: n }, (_, i) => i).filter((i) => Number.isFinite(d[i]!));
  idx.sort((a, b) => d[a]! - d[b]!);
  return idx.slice(0, k);
}

/** z moved by `amount` factor units along v. @example stepAlong([0, 0], [2, 0], 0.25) // [0.5, 0] */
export function stepAlong(
  z: readonly [number, number],
  v: readonly [number, number],
  amount: number,
): [number, number] {
  return [z[0] + amount * v[0], z[1] + amount * v[1]];
}
