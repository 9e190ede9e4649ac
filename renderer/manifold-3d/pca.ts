/**
 * Principal component analysis for a few components of many-column data (images as rows), by
 * power iteration with deflation (power-iteration.ts) on the smaller of the Gram matrix
 * (rows × rows) and the covariance (cols × cols). A 24×24 grid of 32×32 images is 576 rows × 1024
 * columns, so the Gram matrix (576²) is the small one; no linear-algebra library is needed for a
 * 3-component job.
 */
import { normalize, orthogonalize, topEigenpairs } from './power-iteration';

/** A fitted PCA: centre, directions and how much variance each direction carries. */
export interface Pca {
  /** Number of components kept, e.g. 3. */
  k: number;
  /** Number of columns (pixels), e.g. 1024. */
  cols: number;
  /** Per-column mean, length cols. */
  mean: Float64Array;
  /** Orthonormal principal directions, row-major k × cols: component j at [j·cols, (j+1)·cols). */
  components: Float64Array;
  /** Variance of the data along each component (eigenvalue / rows), descending, length k. */
  variances: Float64Array;
  /** Total variance: the sum of every column's variance (the trace of the covariance). */
  totalVariance: number;
}

export interface PcaOptions {
  /** Components from an earlier fit (k × cols): used as the start vectors and to keep signs stable. */
  previous?: Float64Array;
  /** Stop a component's iteration when its unit vector moves less than this (default 1e-9). */
  tolerance?: number;
  /** Iteration cap per component (default 500). */
  maxIterations?: number;
}

const DEFAULT_TOLERANCE = 1e-9;
const DEFAULT_MAX_ITERATIONS = 500;

/**
 * Fits a k-component PCA to `rows` rows of `cols` values each (row-major).
 * Signs: each component points the way of `options.previous` if given (so a picture drawn from it
 * does not flip between refits), else so that its largest-magnitude entry is positive.
 *
 * @example fitPca(gridImages, 576, 1024, 3) // the 3-D view of a decoded 24×24 grid
 */
export function fitPca(
  data: ArrayLike<number>,
  rows: number,
  cols: number,
  k: number,
  options: PcaOptions = {},
): Pca {
  validate(data, rows, cols, k, options.previous);
  const { mean, centered } = center(data, rows, cols);
  const useGram = rows <= cols;
  const size = useGram ? rows : cols;
  const matrix = useGram ? gram(centered, rows, cols) : scatter(centered, rows, cols);
  let trace = 0;
  for (let i = 0; i < size; i++) trace += matrix[i * size + i] as number;
  const starts = options.previous
    ? startVectors(options.previous, centered, rows, cols, k, useGram)
    : undefined;
  const { vectors, values } = topEigenpairs(matrix, size, k, {
    tolerance: options.tolerance ?? DEFAULT_TOLERANCE,
    maxIterations: options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
    starts,
  });
  const components = useGram ? gramToComponents(vectors, centered, rows, cols, k) : vectors;
  orientSigns(components, cols, k, options.previous);
  const variances = new Float64Array(k);
  for (let j = 0; j < k; j++) variances[j] = Math.max(0, values[j] as number) / rows;
  return { k, cols, mean, components, variances, totalVariance: trace / rows };
}

/** Fraction of the total variance the kept components explain, in [0,1] (0 when the data are constant). */
export function explainedFraction(pca: Pca): number {
  if (!(pca.totalVariance > 0)) return 0;
  let sum = 0;
  for (const v of pca.variances) sum += v;
  return Math.min(1, sum / pca.totalVariance);
}

/**
 * Projects `rows` rows (cols values each) onto the components.
 * @returns row-major rows × k coordinates, e.g. (PC1, PC2, PC3) per image
 */
export function projectRows(
  pca: Pca,
  data: ArrayLike<number>,
  rows: number,
  out?: Float32Array,
): Float32Array {
  const { k, cols, mean, components } = pca;
  if (data.length !== rows * cols)
    throw new Error(`data must have rows·cols = ${rows * cols} values, got ${data.length}`);
  const result = out ?? new Float32Array(rows * k);
  if (result.length < rows * k) throw new Error(`out must hold at least ${rows * k} values`);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < k; j++) {
      let dot = 0;
      for (let c = 0; c < cols; c++)
        dot += ((data[r * cols + c] as number) - (mean[c] as number)) * (components[j * cols + c] as number);
      result[r * k + j] = dot;
    }
  }
  return result;
}

function validate(
  data: ArrayLike<number>,
  rows: number,
  cols: number,
  k: number,
  previous?: Float64Array,
): void {
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(cols) || cols < 1) {
    throw new Error(`rows and cols must be positive integers, got ${rows} and ${cols}`);
  }
  if (!Number.isInteger(k) || k < 1 || k > Math.min(rows, cols)) {
    throw new Error(`k must be an integer in [1, min(rows, cols) = ${Math.min(rows, cols)}], got ${k}`);
  }
  if (data.length !== rows * cols)
    throw new Error(`data must have rows·cols = ${rows * cols} values, got ${data.length}`);
  for (let i = 0; i < data.length; i++)
    if (!Number.isFinite(data[i])) throw new Error('data must be finite (found NaN or Infinity)');
  if (previous !== undefined && previous.length !== k * cols) {
    throw new Error(`previous components must have k·cols = ${k * cols} values, got ${previous.length}`);
  }
}

function center(
  data: ArrayLike<number>,
  rows: number,
  cols: number,
): { mean: Float64Array; centered: Float64Array } {
  const mean = new Float64Array(cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) mean[c] = (mean[c] as number) + (data[r * cols + c] as number);
  for (let c = 0; c < cols; c++) mean[c] = (mean[c] as number) / rows;
  const centered = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      centered[r * cols + c] = (data[r * cols + c] as number) - (mean[c] as number);
  return { mean, centered };
}

/** X·Xᵀ (rows × rows), filling one triangle and mirroring it. */
function gram(x: Float64Array, rows: number, cols: number): Float64Array {
  const g = new Float64Array(rows * rows);
  for (let i = 0; i < rows; i++) {
    const oi = i * cols;
    for (let j = i; j < rows; j++) {
      const oj = j * cols;
      let dot = 0;
      for (let c = 0; c < cols; c++) dot += (x[oi + c] as number) * (x[oj + c] as number);
      g[i * rows + j] = dot;
      g[j * rows + i] = dot;
    }
  }
  return g;
}

/** Xᵀ·X (cols × cols). */
function scatter(x: Float64Array, rows: number, cols: number): Float64Array {
  const s = new Float64Array(cols * cols);
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let i = 0; i < cols; i++) {
      const xi = x[o + i] as number;
      if (xi === 0) continue;
      for (let j = i; j < cols; j++)
        s[i * cols + j] = (s[i * cols + j] as number) + xi * (x[o + j] as number);
    }
  }
  for (let i = 0; i < cols; i++) for (let j = 0; j < i; j++) s[i * cols + j] = s[j * cols + i] as number;
  return s;
}

/** Start vectors in the eigen-problem's space from earlier components: X·v for the Gram path, v itself otherwise. */
function startVectors(
  previous: Float64Array,
  x: Float64Array,
  rows: number,
  cols: number,
  k: number,
  useGram: boolean,
): Float64Array {
  if (!useGram) return previous;
  const starts = new Float64Array(k * rows);
  for (let j = 0; j < k; j++) {
    for (let r = 0; r < rows; r++) {
      let dot = 0;
      for (let c = 0; c < cols; c++) dot += (x[r * cols + c] as number) * (previous[j * cols + c] as number);
      starts[j * rows + r] = dot;
    }
  }
  return starts;
}

/** Unit directions in column space from Gram eigenvectors u: v = Xᵀu / ‖Xᵀu‖. */
function gramToComponents(
  u: Float64Array,
  x: Float64Array,
  rows: number,
  cols: number,
  k: number,
): Float64Array {
  const v = new Float64Array(k * cols);
  for (let j = 0; j < k; j++) {
    const row = new Float64Array(cols);
    for (let r = 0; r < rows; r++) {
      const w = u[j * rows + r] as number;
      for (let c = 0; c < cols; c++) row[c] = (row[c] as number) + w * (x[r * cols + c] as number);
    }
    if (normalize(row) === 0) row.set(fallbackDirection(v, j, cols)); // zero-variance direction
    v.set(row, j * cols);
  }
  return v;
}

/** A unit vector orthogonal to the first j rows of v (for zero-variance components). */
function fallbackDirection(v: Float64Array, j: number, cols: number): Float64Array {
  for (let axis = 0; axis < cols; axis++) {
    const e = new Float64Array(cols);
    e[axis] = 1;
    orthogonalize(e, v, j, cols);
    if (normalize(e) > 1e-6) return e;
  }
  return new Float64Array(cols);
}

function orientSigns(components: Float64Array, cols: number, k: number, previous?: Float64Array): void {
  for (let j = 0; j < k; j++) {
    let score = 0;
    if (previous) {
      for (let c = 0; c < cols; c++)
        score += (components[j * cols + c] as number) * (previous[j * cols + c] as number);
    }
    if (score === 0) {
      let biggest = 0;
      for (let c = 0; c < cols; c++) {
        const value = components[j * cols + c] as number;
        if (Math.abs(value) > Math.abs(biggest) + 1e-12) biggest = value;
      }
      score = biggest;
    }
    if (score < 0)
      for (let c = 0; c < cols; c++) components[j * cols + c] = -(components[j * cols + c] as number);
  }
}
