/**
 * The top eigenpairs of a symmetric positive semi-definite matrix by power iteration with
 * deflation: plenty for the 3 components the 3-D view needs, with no linear-algebra library.
 */

/** How long to iterate, and from where. */
export interface EigenOptions {
  tolerance: number;
  maxIterations: number;
  /** Optional start vectors, k × size. */
  starts: Float64Array | undefined;
}

/**
 * Top-k eigenpairs of a symmetric positive semi-definite matrix (size × size, row-major) by power
 * iteration with Hotelling deflation (A ← A − λ·u·uᵀ), re-orthogonalising against the pairs already
 * found to keep round-off from leaking them back in.
 */
export function topEigenpairs(
  matrix: Float64Array,
  size: number,
  k: number,
  options: EigenOptions,
): { vectors: Float64Array; values: Float64Array } {
  const a = Float64Array.from(matrix);
  const vectors = new Float64Array(k * size);
  const values = new Float64Array(k);
  const y = new Float64Array(size);
  for (let j = 0; j < k; j++) {
    const x = initialVector(size, j, options.starts);
    orthogonalize(x, vectors, j, size);
    normalize(x);
    for (let it = 0; it < options.maxIterations; it++) {
      multiply(a, x, y, size);
      orthogonalize(y, vectors, j, size);
      const norm = normalize(y);
      if (norm === 0) break; // x lies in the null space: eigenvalue 0, any orthonormal x will do.
      let delta = 0;
      for (let i = 0; i < size; i++) delta = Math.max(delta, Math.abs((y[i] as number) - (x[i] as number)));
      x.set(y);
      if (delta < options.tolerance) break;
    }
    multiply(a, x, y, size);
    let lambda = 0;
    for (let i = 0; i < size; i++) lambda += (x[i] as number) * (y[i] as number);
    values[j] = lambda;
    vectors.set(x, j * size);
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++)
        a[r * size + c] = (a[r * size + c] as number) - lambda * (x[r] as number) * (x[c] as number);
    }
  }
  return { vectors, values };
}

/** Start vector j: row j of `starts` if it has any length, else a fixed pseudo-random vector (never all-ones, which centred Gram matrices annihilate). */
function initialVector(size: number, j: number, starts?: Float64Array): Float64Array {
  if (starts) {
    const x = starts.slice(j * size, (j + 1) * size);
    if (x.some((value) => value !== 0)) return x;
  }
  const x = new Float64Array(size);
  let state = 0x9e3779b9 ^ (j * 0x85ebca6b);
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    x[i] = state / 2 ** 32 - 0.5;
  }
  return x;
}

function multiply(a: Float64Array, x: Float64Array, out: Float64Array, size: number): void {
  for (let r = 0; r < size; r++) {
    let dot = 0;
    const o = r * size;
    for (let c = 0; c < size; c++) dot += (a[o + c] as number) * (x[c] as number);
    out[r] = dot;
  }
}

/** Removes from x its parts along the first `count` rows of `basis` (each of length size, unit). */
export function orthogonalize(x: Float64Array, basis: Float64Array, count: number, size: number): void {
  for (let j = 0; j < count; j++) {
    let dot = 0;
    for (let i = 0; i < size; i++) dot += (x[i] as number) * (basis[j * size + i] as number);
    for (let i = 0; i < size; i++) x[i] = (x[i] as number) - dot * (basis[j * size + i] as number);
  }
}

/** Scales x to unit length in place; returns the length it had (0 leaves x unchanged). */
export function normalize(x: Float64Array): number {
  let sum = 0;
  for (const value of x) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm < 1e-300) return 0;
  for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) / norm;
  return norm;
}
