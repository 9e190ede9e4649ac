/**
 * k-nearest-neighbour regression over 2-D points, and R². The engine uses it for factor fidelity
 * (how well z predicts height and radius); the UI uses it to colour grid points and draw iso-lines.
 */

/**
 * For each 2-D query point, the mean of `trainY` over its `k` nearest training points (Euclidean).
 * Ties in distance go to the lower training index, so results are deterministic. If `k` exceeds the
 * number of training points, all of them are used.
 *
 * Exact, with a uniform grid over the training points (about two per cell): each query searches
 * rings of cells around its own until no unsearched cell can hold a point nearer than its k-th.
 * Why not brute force: at the config limits (40,000 training × 10,000 validation codes) it took
 * 1.6 s of every epoch's end; the grid gives the same neighbours, in the same order, in a few ms.
 *
 * @param trainX interleaved 2-D points, length 2·n
 * @param trainY interleaved targets, `dimY` per point, length dimY·n
 * @param queryX interleaved 2-D points, length 2·m
 * @returns interleaved predictions, length dimY·m
 * @example knnRegress(codes, factors, 2, gridPoints, 10) // (height, radius) at each grid point
 */
export function knnRegress(
  trainX: Float32Array,
  trainY: Float32Array,
  dimY: number,
  queryX: Float32Array,
  k: number,
): Float32Array {
  const trainCount = validateKnnArgs(trainX, trainY, dimY, queryX, k);
  const queryCount = queryX.length / 2;
  const kUsed = Math.min(k, trainCount);
  const grid = new PointGrid(trainX);
  const best = new Neighbours(kUsed);
  const out = new Float32Array(queryCount * dimY);
  for (let q = 0; q < queryCount; q++) {
    grid.nearest(queryX[2 * q] as number, queryX[2 * q + 1] as number, best);
    for (let j = 0; j < dimY; j++) {
      let sum = 0;
      for (let n = 0; n < kUsed; n++) sum += trainY[(best.index[n] as number) * dimY + j] as number;
      out[q * dimY + j] = sum / kUsed;
    }
  }
  return out;
}

/** The k best (distance², index) pairs so far, sorted by distance and then by index. */
class Neighbours {
  readonly dist: Float64Array;
  readonly index: Int32Array;
  found = 0;

  constructor(readonly k: number) {
    this.dist = new Float64Array(k);
    this.index = new Int32Array(k);
  }

  /** The k-th best distance², or Infinity while fewer than k are found. */
  get worst(): number {
    return this.found === this.k ? (this.dist[this.k - 1] as number) : Infinity;
  }

  offer(d: number, i: number): void {
    const { k, dist, index } = this;
    if (this.found === k) {
      const worst = dist[k - 1] as number;
      if (d > worst || (d === worst && i > (index[k - 1] as number))) return;
    }
    let slot = this.found < k ? this.found++ : k - 1;
    while (slot > 0) {
      const before = dist[slot - 1] as number;
      if (before < d || (before === d && (index[slot - 1] as number) < i)) break;
      dist[slot] = before;
      index[slot] = index[slot - 1] as number;
      slot--;
    }
    dist[slot] = d;
    index[slot] = i;
  }
}

/** Training points bucketed into square cells (a counting sort, so each cell lists indices in order). */
class PointGrid {
  private readonly x0: number;
  private readonly y0: number;
  private readonly cell: number;
  private readonly cols: number;
  private readonly rows: number;
  /** Points of cell c: order[start[c] … start[c + 1]). */
  private readonly start: Int32Array;
  private readonly order: Int32Array;

  constructor(private readonly points: Float32Array) {
    const n = points.length / 2;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < n; i++) {
      const x = points[2 * i] as number;
      const y = points[2 * i + 1] as number;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    const w = x1 - x0;
    const h = y1 - y0;
    // About two points per cell over the bounding box (a line of points gets cells along it).
    const area = w > 0 && h > 0 ? w * h : Math.max(w, h) ** 2;
    const cell = area > 0 ? Math.sqrt((2 * area) / n) : 1;
    this.x0 = x0;
    this.y0 = y0;
    this.cell = Math.max(cell, Math.max(w, h) / 4096, Number.MIN_VALUE);
    this.cols = Math.min(4096, Math.floor(w / this.cell) + 1);
    this.rows = Math.min(4096, Math.floor(h / this.cell) + 1);
    const cellOf = new Int32Array(n);
    this.start = new Int32Array(this.cols * this.rows + 1);
    for (let i = 0; i < n; i++) {
      const c = this.rowOf(points[2 * i + 1] as number) * this.cols + this.colOf(points[2 * i] as number);
      cellOf[i] = c;
      this.start[c + 1] = (this.start[c + 1] as number) + 1;
    }
    for (let c = 0; c < this.cols * this.rows; c++)
      this.start[c + 1] = (this.start[c + 1] as number) + (this.start[c] as number);
    const next = this.start.slice(0, this.cols * this.rows);
    this.order = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = cellOf[i] as number;
      this.order[next[c] as number] = i;
      next[c] = (next[c] as number) + 1;
    }
  }

  /** Fills `best` with the k nearest points to (qx, qy). */
  nearest(qx: number, qy: number, best: Neighbours): void {
    best.found = 0;
    const cx = this.colOf(qx);
    const cy = this.rowOf(qy);
    const maxRing = Math.max(cx, this.cols - 1 - cx, cy, this.rows - 1 - cy);
    for (let r = 0; r <= maxRing; r++) {
      for (let gy = cy - r; gy <= cy + r; gy++) {
        if (gy < 0 || gy >= this.rows) continue;
        const edge = gy === cy - r || gy === cy + r;
        for (let gx = cx - r; gx <= cx + r; gx += edge ? 1 : 2 * r) {
          if (gx >= 0 && gx < this.cols) this.scan(gy * this.cols + gx, qx, qy, best);
        }
      }
      // Any point outside the searched square lies at least this far from the query; a point at
      // exactly that distance could still win a tie on index, hence the strict test and margin.
      const reach = this.reachOutside(qx, qy, cx, cy, r);
      if (reach > 0 && best.worst < reach * reach) return;
    }
  }

  private scan(c: number, qx: number, qy: number, best: Neighbours): void {
    const { points, order } = this;
    const end = this.start[c + 1] as number;
    for (let s = this.start[c] as number; s < end; s++) {
      const i = order[s] as number;
      const dx = (points[2 * i] as number) - qx;
      const dy = (points[2 * i + 1] as number) - qy;
      best.offer(dx * dx + dy * dy, i);
    }
  }

  /** A lower bound on the distance from (qx, qy) to any cell outside ring r around (cx, cy). */
  private reachOutside(qx: number, qy: number, cx: number, cy: number, r: number): number {
    const { x0, y0, cell } = this;
    const left = qx - (x0 + (cx - r) * cell);
    const right = x0 + (cx + r + 1) * cell - qx;
    const below = qy - (y0 + (cy - r) * cell);
    const above = y0 + (cy + r + 1) * cell - qy;
    // The margin covers rounding in the cell a point was put in (at most a hair across its edge).
    return Math.min(left, right, below, above) - cell * 1e-6;
  }

  private colOf(x: number): number {
    return clampIndex(Math.floor((x - this.x0) / this.cell), this.cols);
  }

  private rowOf(y: number): number {
    return clampIndex(Math.floor((y - this.y0) / this.cell), this.rows);
  }
}

function clampIndex(i: number, size: number): number {
  return i < 0 ? 0 : i >= size ? size - 1 : i;
}

/**
 * Coefficient of determination of one column of interleaved rows: 1 − SS_res / SS_tot.
 * 1 = perfect, 0 = no better than predicting the mean, negative = worse. When the true column is
 * constant, returns 1 if the predictions match it exactly and 0 otherwise.
 *
 * @param yTrue, yPred interleaved rows of `dim` values each, same length
 * @param index which column, 0 ≤ index < dim
 * @example r2(valFactors, predicted, 2, 0) // R² for height
 */
export function r2(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, dim: number, index: number): number {
  if (!Number.isInteger(dim) || dim < 1)
    throw new Error(`dim must be a positive integer, got ${String(dim)}`);
  if (!Number.isInteger(index) || index < 0 || index >= dim) {
    throw new Error(`index must be an integer in [0, ${dim - 1}], got ${String(index)}`);
  }
  if (yTrue.length !== yPred.length || yTrue.length % dim !== 0 || yTrue.length === 0) {
    throw new Error(
      `yTrue and yPred must have the same non-zero length, a multiple of dim=${dim}; got ${yTrue.length} and ${yPred.length}`,
    );
  }
  const rows = yTrue.length / dim;
  let mean = 0;
  for (let i = 0; i < rows; i++) mean += yTrue[i * dim + index] as number;
  mean /= rows;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < rows; i++) {
    const t = yTrue[i * dim + index] as number;
    const p = yPred[i * dim + index] as number;
    ssRes += (t - p) ** 2;
    ssTot += (t - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}

/** Checks shapes and finiteness; returns the number of training points. */
function validateKnnArgs(
  trainX: Float32Array,
  trainY: Float32Array,
  dimY: number,
  queryX: Float32Array,
  k: number,
): number {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, got ${String(k)}`);
  if (!Number.isInteger(dimY) || dimY < 1)
    throw new Error(`dimY must be a positive integer, got ${String(dimY)}`);
  if (trainX.length % 2 !== 0 || queryX.length % 2 !== 0) {
    throw new Error(
      `trainX and queryX must hold interleaved 2-D points (even length), got ${trainX.length} and ${queryX.length}`,
    );
  }
  const trainCount = trainX.length / 2;
  if (trainCount === 0) throw new Error('knnRegress needs at least one training point');
  if (trainY.length !== trainCount * dimY) {
    throw new Error(`trainY must have length dimY·n = ${trainCount * dimY}, got ${trainY.length}`);
  }
  if (!allFinite(trainX) || !allFinite(trainY) || !allFinite(queryX)) {
    throw new Error('knnRegress inputs must be finite (found NaN or Infinity)');
  }
  return trainCount;
}

function allFinite(xs: Float32Array): boolean {
  for (let i = 0; i < xs.length; i++) if (!Number.isFinite(xs[i])) return false;
  return true;
}
