/**
 * The layout of a decoded latent grid (request 'model:decode-grid', 'grid:png'), so the engine side
 * and the renderer agree on which tile is which latent point.
 */
import type { LatentBounds } from './api';

/**
 * Codes of a `perSide × perSide` grid over `bounds`, interleaved (length 2·perSide²), row-major
 * from the top-left tile: columns run along z1 from `min[0]` to `max[0]`, rows run along z2 from
 * `max[1]` (top row) down to `min[1]` (bottom row), both ends included — as on a plot with z2 up.
 *
 * @example gridCodes({ min: [0, 0], max: [1, 1] }, 2) // [0,1, 1,1, 0,0, 1,0]
 */
export function gridCodes(bounds: LatentBounds, perSide: number): Float32Array {
  const codes = new Float32Array(2 * perSide * perSide);
  for (let row = 0; row < perSide; row++) {
    for (let col = 0; col < perSide; col++) {
      const [z1, z2] = gridPoint(bounds, perSide, row, col);
      const i = row * perSide + col;
      codes[2 * i] = z1;
      codes[2 * i + 1] = z2;
    }
  }
  return codes;
}

/** The latent point of the tile at (`row`, `col`) in the layout of `gridCodes`. */
export function gridPoint(bounds: LatentBounds, perSide: number, row: number, col: number): [number, number] {
  const t = (k: number) => (perSide > 1 ? k / (perSide - 1) : 0.5);
  return [
    bounds.min[0] + t(col) * (bounds.max[0] - bounds.min[0]),
    bounds.max[1] - t(row) * (bounds.max[1] - bounds.min[1]),
  ];
}
