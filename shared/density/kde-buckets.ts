/**
 * Exact-within-rounding Gaussian-kernel sums over many points, fast: points are scaled by the
 * bandwidth (so the kernel is exp(−d²/2)) and bucketed in a grid of cells CUTOFF bandwidths wide; a
 * query visits rings of cells around itself and skips every cell whose kernels are all below
 * e^(−CUTOFF²/2) ≈ 1.3e-14 of the nearest point's. Why that is exact enough: n skipped kernels
 * change log p by under n·1.3e-14 (4e-11 for 3,200 points). Far queries stay finite (the nearest
 * kernels always count), unlike a plain radius cutoff.
 */

/** Bandwidths beyond the nearest point after which kernels are skipped. */
const CUTOFF = 8;
/** At most this many cells per axis: a grid stays small whatever the spread of the points. */
const MAX_CELLS_PER_AXIS = 256;

/** Points of bandwidth-scaled coordinates bucketed by cell (CSR layout, cell-major). */
export interface KernelBuckets {
  u: Float64Array;
  v: Float64Array;
  cellStart: Int32Array;
  origin: [number, number];
  cellSize: number;
  cols: number;
  rows: number;
  /** Scratch for one query's squared distances (one per point at most). */
  scratch: Float64Array;
}

/** Buckets for interleaved `codes` scaled by bandwidth `h` (a query must use the same scaling). */
export function buildBuckets(codes: ArrayLike<number>, h: [number, number]): KernelBuckets {
  const n = Math.floor(codes.length / 2);
  const su = Float64Array.from({ length: n }, (_, i) => (codes[2 * i] as number) / h[0]);
  const sv = Float64Array.from({ length: n }, (_, i) => (codes[2 * i + 1] as number) / h[1]);
  const [u0, u1] = range(su);
  const [v0, v1] = range(sv);
  const cellSize = Math.max(CUTOFF, (u1 - u0) / MAX_CELLS_PER_AXIS, (v1 - v0) / MAX_CELLS_PER_AXIS);
  const cols = Math.floor((u1 - u0) / cellSize) + 1;
  const rows = Math.floor((v1 - v0) / cellSize) + 1;
  const cellOf = Int32Array.from({ length: n }, (_, i) => {
    const cx = Math.min(cols - 1, Math.floor(((su[i] as number) - u0) / cellSize));
    const cy = Math.min(rows - 1, Math.floor(((sv[i] as number) - v0) / cellSize));
    return cy * cols + cx;
  });
  const cellStart = new Int32Array(cols * rows + 1);
  for (const c of cellOf) cellStart[c + 1] = (cellStart[c + 1] as number) + 1;
  for (let c = 0; c < cols * rows; c++)
    cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number);
  const fill = cellStart.slice(0, cols * rows);
  const u = new Float64Array(n);
  const v = new Float64Array(n);
  cellOf.forEach((c, i) => {
    const at = fill[c] as number;
    fill[c] = at + 1;
    u[at] = su[i] as number;
    v[at] = sv[i] as number;
  });
  return { u, v, cellStart, origin: [u0, v0], cellSize, cols, rows, scratch: new Float64Array(n) };
}

/**
 * log Σ_j exp(−|q − p_j|²/2) over the bucketed points, for a query (qu, qv) in scaled units.
 * @example logKernelSum(buildBuckets([0, 0], [1, 1]), 0, 0) // 0
 */
export function logKernelSum(b: KernelBuckets, qu: number, qv: number): number {
  if (!Number.isFinite(qu) || !Number.isFinite(qv)) return Number.isNaN(qu + qv) ? NaN : -Infinity;
  const cx = clamp(Math.floor((qu - b.origin[0]) / b.cellSize), b.cols);
  const cy = clamp(Math.floor((qv - b.origin[1]) / b.cellSize), b.rows);
  let count = 0;
  let nearest = Infinity;
  const visit = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= b.cols || y >= b.rows) return;
    // A cell wholly beyond the cutoff adds nothing; the threshold only tightens as `nearest` falls.
    if (cellDistance2(b, x, y, qu, qv) > nearest + CUTOFF * CUTOFF) return;
    const cell = y * b.cols + x;
    for (let j = b.cellStart[cell] as number; j < (b.cellStart[cell + 1] as number); j++) {
      const du = qu - (b.u[j] as number);
      const dv = qv - (b.v[j] as number);
      const d2 = du * du + dv * dv;
      b.scratch[count++] = d2;
      if (d2 < nearest) nearest = d2;
    }
  };
  const maxRing = Math.max(b.cols, b.rows);
  for (let r = 0; r <= maxRing; r++) {
    visitRing(cx, cy, r, visit);
    // Cells of ring r + 1 lie at least r cells away (the query is clamped into the grid, which
    // only brings it closer to every cell): stop when even that is past the cutoff.
    const reach = r * b.cellSize;
    if (reach * reach > nearest + CUTOFF * CUTOFF) break;
  }
  let sum = 0;
  const cutoff2 = nearest + CUTOFF * CUTOFF;
  for (let j = 0; j < count; j++) {
    // The same cutoff point by point: no exponential for a kernel below e^(−CUTOFF²/2) of the nearest.
    const d2 = b.scratch[j] as number;
    if (d2 <= cutoff2) sum += Math.exp(-0.5 * (d2 - nearest));
  }
  return -0.5 * nearest + Math.log(sum);
}

/** Squared distance from (qu, qv) to cell (x, y)'s rectangle (0 inside it). */
function cellDistance2(b: KernelBuckets, x: number, y: number, qu: number, qv: number): number {
  const lu = b.origin[0] + x * b.cellSize;
  const lv = b.origin[1] + y * b.cellSize;
  const du = Math.max(0, lu - qu, qu - (lu + b.cellSize));
  const dv = Math.max(0, lv - qv, qv - (lv + b.cellSize));
  return du * du + dv * dv;
}

/** Calls visit(x, y) for each cell at Chebyshev distance r from (cx, cy). */
function visitRing(cx: number, cy: number, r: number, visit: (x: number, y: number) => void): void {
  if (r === 0) return visit(cx, cy);
  for (let dx = -r; dx <= r; dx++) {
    visit(cx + dx, cy - r);
    visit(cx + dx, cy + r);
  }
  for (let dy = -r + 1; dy <= r - 1; dy++) {
    visit(cx - r, cy + dy);
    visit(cx + r, cy + dy);
  }
}

function clamp(cell: number, cells: number): number {
  return Math.min(cells - 1, Math.max(0, cell));
}

function range(xs: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}
