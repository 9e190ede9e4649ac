import type { LatentBounds } from '../../shared/api';
import { gridLayout, gridPoint } from '../../shared/latent-grid';

/**
 * A scalar field sampled on the nodes of a regular grid over a latent rectangle: node (col, row)
 * sits at z₁ = min₁ + col·(max₁−min₁)/(cols−1), z₂ = min₂ + row·(max₂−min₂)/(rows−1); row 0 is the
 * bottom (smallest z₂). `values[row * cols + col]`; NaN marks "no estimate here".
 */
export interface FieldGrid {
  bounds: LatentBounds;
  cols: number;
  rows: number;
  values: Float32Array;
}

/**
 * Interleaved latent coordinates of the nodes of a `cols × rows` grid over `bounds`, in the order
 * of `FieldGrid.values` (row 0 at the bottom).
 *
 * @example gridNodes({ min: [0, 0], max: [1, 1] }, 2, 2) // [0,0, 1,0, 0,1, 1,1]
 */
export function gridNodes(bounds: LatentBounds, cols: number, rows: number): Float32Array {
  return gridLayout(bounds, cols, rows, 'bottom-up');
}

/** Latent position of a fractional grid coordinate (col, row) of a field over `bounds`. */
export function gridToLatent(
  bounds: LatentBounds,
  cols: number,
  rows: number,
  col: number,
  row: number,
): [number, number] {
  return gridPoint(bounds, cols, rows, col, row, 'bottom-up');
}

/**
 * Smooths a field with `passes` 3×3 box filters (≈ a Gaussian), averaging only finite neighbours,
 * so kNN noise does not turn iso-lines into zigzags. NaN nodes stay NaN.
 */
export function smoothField(values: Float32Array, cols: number, rows: number, passes = 2): Float32Array {
  let src = values;
  for (let pass = 0; pass < passes; pass++) {
    const out = new Float32Array(src.length);
    for (let row = 0; row < rows; row++) {
      for (let col = 0; col < cols; col++) {
        const centre = src[row * cols + col]!;
        if (Number.isNaN(centre)) {
          out[row * cols + col] = NaN;
          continue;
        }
        let sum = 0;
        let n = 0;
        for (let dr = -1; dr <= 1; dr++) {
          for (let dc = -1; dc <= 1; dc++) {
            const r = row + dr;
            const c = col + dc;
            if (r < 0 || c < 0 || r >= rows || c >= cols) continue;
            const v = src[r * cols + c]!;
            if (Number.isNaN(v)) continue;
            sum += v;
            n++;
          }
        }
        out[row * cols + col] = sum / n;
      }
    }
    src = out;
  }
  return src;
}
