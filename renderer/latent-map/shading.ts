import type { LatentBounds } from '../../shared/api';

/** How many points at most are used to estimate the typical spacing (keeps it O(n·SAMPLE)). */
const SPACING_SAMPLE = 256;

/**
 * The typical distance between an encoded point and its nearest neighbour (the median over a
 * deterministic sample of points). This sets the scale of "near the data". 0 for < 2 points.
 *
 * @param codes interleaved 2-D codes, length 2·n
 */
export function typicalSpacing(codes: Float32Array): number {
  const n = Math.floor(codes.length / 2);
  if (n < 2) return 0;
  const stride = Math.max(1, Math.floor(n / SPACING_SAMPLE));
  const nearest: number[] = [];
  for (let i = 0; i < n; i += stride) {
    const x = codes[2 * i] as number;
    const y = codes[2 * i + 1] as number;
    let best = Infinity;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dx = (codes[2 * j] as number) - x;
      const dy = (codes[2 * j + 1] as number) - y;
      const d = dx * dx + dy * dy;
      if (d < best) best = d;
    }
    nearest.push(Math.sqrt(best));
  }
  nearest.sort((p, q) => p - q);
  return nearest[Math.floor(nearest.length / 2)] ?? 0;
}

/**
 * Distance from the centre of each cell of a `cols × rows` raster over `bounds` to the nearest
 * code. Row 0 is the TOP of the raster (largest z₂), so it can be painted as an image directly.
 *
 * @returns distances, `out[row * cols + col]`
 */
export function nearestDistanceRaster(
  codes: Float32Array,
  bounds: LatentBounds,
  cols: number,
  rows: number,
): Float32Array {
  const n = Math.floor(codes.length / 2);
  const out = new Float32Array(cols * rows).fill(Infinity);
  const stepZ1 = (bounds.max[0] - bounds.min[0]) / cols;
  const stepZ2 = (bounds.max[1] - bounds.min[1]) / rows;
  for (let row = 0; row < rows; row++) {
    const z2 = bounds.max[1] - (row + 0.5) * stepZ2;
    for (let col = 0; col < cols; col++) {
      const z1 = bounds.min[0] + (col + 0.5) * stepZ1;
      let best = Infinity;
      for (let i = 0; i < n; i++) {
        const dx = (codes[2 * i] as number) - z1;
        const dy = (codes[2 * i + 1] as number) - z2;
        const d = dx * dx + dy * dy;
        if (d < best) best = d;
      }
      out[row * cols + col] = Math.sqrt(best);
    }
  }
  return out;
}

/**
 * How strongly to dim a place at `distance` from the nearest encoded point, in [0, maxAlpha]:
 * 0 within `near`·spacing, `maxAlpha` beyond `far`·spacing, smooth in between.
 *
 * @example shadeAlpha(0, 0.1) // 0 (on the data)
 * @example shadeAlpha(10, 0.1) // SHADE_MAX_ALPHA (far off the manifold)
 */
export function shadeAlpha(
  distance: number,
  spacing: number,
  near = 2.5,
  far = 8,
  maxAlpha = SHADE_MAX_ALPHA,
): number {
  if (!(spacing > 0)) return 0;
  const t = (distance / spacing - near) / (far - near);
  const s = Math.min(1, Math.max(0, t));
  return maxAlpha * s * s * (3 - 2 * s);
}

/** Darkest dimming of off-manifold regions (0 = none, 1 = black). */
export const SHADE_MAX_ALPHA = 0.72;
