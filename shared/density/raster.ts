/** A density's log values on a regular grid, for the map's shading and contours. */
import type { LatentBounds } from '../api';
import { gridLayout } from '../latent-grid';
import type { Density } from './types';

/**
 * log p at the nodes of a `cols × rows` grid over `bounds`, node `row * cols + col` as in
 * `gridLayout(bounds, cols, rows, 'bottom-up')` (row 0 at min z2: the order of the map's field
 * grids and of contours.ts).
 *
 * @example densityRaster(d, { min: [-3, -3], max: [3, 3] }, 128, 128) // Float64Array(16384)
 */
export function densityRaster(d: Density, bounds: LatentBounds, cols: number, rows: number): Float64Array {
  return d.logDensityGrid?.(bounds, cols, rows) ?? d.logDensity(gridLayout(bounds, cols, rows, 'bottom-up'));
}
