/**
 * A KDE's log-density on a whole regular grid, fast: the axis-aligned Gaussian kernel factorises,
 * exp(−(du² + dv²)/2) = exp(−du²/2)·exp(−dv²/2), so a grid of cols × rows nodes needs only
 * (cols + rows)·n exponentials and a sum of products — no cutoff, exact in ordinary floating point.
 * Nodes so far from every code that the sum underflows fall back to the bucketed log-space sum.
 */
import type { LatentBounds } from '../api';
import { gridLayout } from '../latent-grid';
import { type KernelBuckets, logKernelSum } from './kde-buckets';

/** Below this linear sum a node is recomputed in log space (the smallest normal double is 2.2e-308). */
const UNDERFLOW_GUARD = 1e-290;
/** Largest column table (n × cols doubles) built; beyond it the caller evaluates point by point. */
export const MAX_GRID_TABLE = 4_000_000;

/**
 * Σ_j-kernel log sums (without the normalising constant) at the nodes of
 * gridLayout(bounds, cols, rows, 'bottom-up'), for points already scaled by the bandwidth `h`.
 * The node coordinates are gridLayout's own (Float32), so the values match point-by-point queries.
 */
export function logKernelSumGrid(
  b: KernelBuckets,
  h: [number, number],
  bounds: LatentBounds,
  cols: number,
  rows: number,
): Float64Array {
  const nodes = gridLayout(bounds, cols, rows, 'bottom-up');
  const n = b.u.length;
  const colTable = new Float64Array(n * cols); // [point j][column c]
  // Columns [first, last] where point j's factor has not underflowed to 0: skipping exact zeros
  // changes nothing, and with a small bandwidth most columns are zeros.
  const first = new Int32Array(n).fill(cols);
  const last = new Int32Array(n).fill(-1);
  for (let j = 0; j < n; j++) {
    for (let c = 0; c < cols; c++) {
      const du = (nodes[2 * c] as number) / h[0] - (b.u[j] as number);
      const f = Math.exp(-0.5 * du * du);
      colTable[j * cols + c] = f;
      if (f > 0) {
        first[j] = Math.min(first[j] as number, c);
        last[j] = c;
      }
    }
  }
  const out = new Float64Array(cols * rows);
  const acc = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const qv = (nodes[2 * r * cols + 1] as number) / h[1];
    acc.fill(0);
    for (let j = 0; j < n; j++) {
      const dv = qv - (b.v[j] as number);
      const rowFactor = Math.exp(-0.5 * dv * dv);
      if (rowFactor === 0) continue;
      const base = j * cols;
      for (let c = first[j] as number; c <= (last[j] as number); c++)
        acc[c] = (acc[c] as number) + rowFactor * (colTable[base + c] as number);
    }
    for (let c = 0; c < cols; c++) {
      const sum = acc[c] as number;
      const i = r * cols + c;
      out[i] =
        sum > UNDERFLOW_GUARD
          ? Math.log(sum)
          : logKernelSum(b, (nodes[2 * i] as number) / h[0], (nodes[2 * i + 1] as number) / h[1]);
    }
  }
  return out;
}
