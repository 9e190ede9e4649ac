/**
 * The layout of a regular grid over a latent rectangle, in one function for both row orders: the
 * decoded tiles (requests 'model:decode-grid', 'grid:png'; row 0 at the top, as in a picture, so
 * the engine side and the renderer agree on which tile is which point) and the map's sampled
 * fields (row 0 at the bottom, as in a plot).
 */
import type { LatentBounds } from './api';

/** Which way rows run: `top-down` = row 0 at `max[1]` (a picture), `bottom-up` = row 0 at `min[1]`. */
export type RowOrder = 'top-down' | 'bottom-up';

/**
 * The latent point of column `col`, row `row` (fractions allowed) of a `cols × rows` grid over
 * `bounds`: columns run along z1 from `min[0]` to `max[0]`, rows along z2 in `rowOrder`, both ends
 * included. A single column (or row) sits at the centre.
 *
 * @example gridPoint({ min: [0, 0], max: [4, 2] }, 5, 3, 1, 0, 'top-down') // [1, 2]
 * @example gridPoint({ min: [0, 0], max: [4, 2] }, 5, 3, 1, 0, 'bottom-up') // [1, 0]
 */
export function gridPoint(
  bounds: LatentBounds,
  cols: number,
  rows: number,
  col: number,
  row: number,
  rowOrder: RowOrder,
): [number, number] {
  const z1 = bounds.min[0] + fraction(col, cols) * (bounds.max[0] - bounds.min[0]);
  const fromEdge = fraction(row, rows) * (bounds.max[1] - bounds.min[1]);
  return [z1, rowOrder === 'top-down' ? bounds.max[1] - fromEdge : bounds.min[1] + fromEdge];
}

/**
 * Interleaved codes of every node of a `cols × rows` grid over `bounds` (length 2·cols·rows),
 * row-major: node `row * cols + col` is `gridPoint(bounds, cols, rows, col, row, rowOrder)`.
 *
 * @example gridLayout({ min: [0, 0], max: [1, 1] }, 2, 2, 'top-down') // [0,1, 1,1, 0,0, 1,0]
 * @example gridLayout({ min: [0, 0], max: [1, 1] }, 2, 2, 'bottom-up') // [0,0, 1,0, 0,1, 1,1]
 */
export function gridLayout(
  bounds: LatentBounds,
  cols: number,
  rows: number,
  rowOrder: RowOrder,
): Float32Array {
  const codes = new Float32Array(2 * cols * rows);
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const [z1, z2] = gridPoint(bounds, cols, rows, col, row, rowOrder);
      const i = row * cols + col;
      codes[2 * i] = z1;
      codes[2 * i + 1] = z2;
    }
  }
  return codes;
}

/**
 * Codes of the tiles of a decoded `perSide × perSide` grid, from the top-left tile: the order of
 * the images 'model:decode-grid' answers.
 *
 * @example gridCodes({ min: [0, 0], max: [1, 1] }, 2) // [0,1, 1,1, 0,0, 1,0]
 */
export function gridCodes(bounds: LatentBounds, perSide: number): Float32Array {
  return gridLayout(bounds, perSide, perSide, 'top-down');
}

/** Where index `k` of `n` evenly spaced places lies, from 0 (first) to 1 (last); 0.5 when n = 1. */
function fraction(k: number, n: number): number {
  return n > 1 ? k / (n - 1) : 0.5;
}
