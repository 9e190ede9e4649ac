import { describe, expect, it } from 'vitest';
import { explainedFraction, fitPca, projectRows } from './pca';

/** Deterministic uniform(-0.5, 0.5) numbers. */
function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
}

function dot(a: ArrayLike<number>, ao: number, b: ArrayLike<number>, bo: number, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (a[ao + i] as number) * (b[bo + i] as number);
  return sum;
}

/** rows (a multiple of 5) points a·s + b·t + offset with known orthonormal directions a ⟂ b in `cols` dimensions. */
function planeData(rows: number, cols: number, scaleA: number, scaleB: number) {
  const a = new Float64Array(cols);
  const b = new Float64Array(cols);
  // a = (1,1,0,0,…)/√2, b = (0,0,1,-1,0,…)/√2
  a[0] = a[1] = Math.SQRT1_2;
  b[2] = Math.SQRT1_2;
  b[3] = -Math.SQRT1_2;
  // A full factorial grid of (s, t), so their sample covariance is exactly diagonal.
  const steps = 5;
  const data = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const s = (Math.floor(r / steps) / (rows / steps - 1) - 0.5) * scaleA;
    const t = ((r % steps) / (steps - 1) - 0.5) * scaleB;
    for (let c = 0; c < cols; c++) data[r * cols + c] = 0.3 + s * (a[c] as number) + t * (b[c] as number);
  }
  return { data, a, b };
}

describe('fitPca', () => {
  it('finds the directions of data on a known plane and explains all its variance (Gram path)', () => {
    const rows = 40;
    const cols = 64; // rows ≤ cols → Gram matrix
    const { data, a, b } = planeData(rows, cols, 4, 1);
    const pca = fitPca(data, rows, cols, 3);
    expect(Math.abs(dot(pca.components, 0, a, 0, cols))).toBeCloseTo(1, 6);
    expect(Math.abs(dot(pca.components, cols, b, 0, cols))).toBeCloseTo(1, 6);
    expect(pca.variances[2]).toBeLessThan(1e-9);
    expect(explainedFraction(pca)).toBeCloseTo(1, 9);
    expect(pca.mean[5]).toBeCloseTo(0.3, 6);
  });

  it('gives the same answer through the covariance path (rows > cols)', () => {
    const rows = 200;
    const cols = 6;
    const { data, a, b } = planeData(rows, cols, 3, 1);
    const pca = fitPca(data, rows, cols, 2);
    expect(Math.abs(dot(pca.components, 0, a, 0, cols))).toBeCloseTo(1, 6);
    expect(Math.abs(dot(pca.components, cols, b, 0, cols))).toBeCloseTo(1, 6);
  });

  it('matches the known variances of independent ±σ columns, and the explained fraction', () => {
    // Columns are independent with variances 9, 4, 1, 0.25 (±σ with equal probability, exactly).
    const sigmas = [3, 2, 1, 0.5];
    const rows = 16;
    const cols = 4;
    const data = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) data[r * cols + c] = ((r >> c) & 1 ? 1 : -1) * (sigmas[c] as number);
    }
    const pca = fitPca(data, rows, cols, 3);
    expect(Array.from(pca.variances)).toEqual([
      expect.closeTo(9, 8),
      expect.closeTo(4, 8),
      expect.closeTo(1, 8),
    ]);
    expect(pca.totalVariance).toBeCloseTo(14.25, 10);
    expect(explainedFraction(pca)).toBeCloseTo(14 / 14.25, 10);
    // Each component is the matching axis (largest entry positive).
    for (let j = 0; j < 3; j++) expect(pca.components[j * cols + j]).toBeCloseTo(1, 8);
  });

  it('returns orthonormal components on noisy full-rank data', () => {
    const rows = 50;
    const cols = 30;
    const rand = noise(3);
    const data = new Float32Array(rows * cols).map(() => rand());
    const pca = fitPca(data, rows, cols, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++)
        expect(dot(pca.components, i * cols, pca.components, j * cols, cols)).toBeCloseTo(i === j ? 1 : 0, 5);
    }
    expect(pca.variances[0]).toBeGreaterThanOrEqual(pca.variances[1] as number);
    expect(pca.variances[1]).toBeGreaterThanOrEqual(pca.variances[2] as number);
    const fraction = explainedFraction(pca);
    expect(fraction).toBeGreaterThan(0);
    expect(fraction).toBeLessThan(1);
  });

  it.each([
    ['Gram', 30, 40],
    ['covariance', 30, 20],
  ])(
    'keeps signs stable (%s path): refits agree, and `previous` decides the direction',
    (_path, rows, cols) => {
      const { data } = planeData(rows, cols, 2, 1);
      const first = fitPca(data, rows, cols, 2);
      const again = fitPca(data, rows, cols, 2);
      expect(Array.from(again.components)).toEqual(Array.from(first.components));
      // Convention without `previous`: the largest-magnitude entry of each component is positive.
      for (let j = 0; j < 2; j++) {
        const row = Array.from(first.components.slice(j * cols, (j + 1) * cols));
        const biggest = row.reduce((m, v) => (Math.abs(v) > Math.abs(m) + 1e-12 ? v : m), 0);
        expect(biggest).toBeGreaterThan(0);
      }
      const flipped = first.components.map((v, i) => (i < cols ? -v : v));
      const aligned = fitPca(data, rows, cols, 2, { previous: flipped });
      expect(dot(aligned.components, 0, first.components, 0, cols)).toBeCloseTo(-1, 6);
      expect(dot(aligned.components, cols, first.components, cols, cols)).toBeCloseTo(1, 6);
    },
  );

  it('handles constant data: zero variance, zero explained, finite orthonormal components', () => {
    const data = new Float32Array(12 * 8).fill(0.5);
    const pca = fitPca(data, 12, 8, 3);
    expect(explainedFraction(pca)).toBe(0);
    expect(Array.from(pca.variances)).toEqual([0, 0, 0]);
    for (let i = 0; i < 3; i++)
      expect(dot(pca.components, i * 8, pca.components, i * 8, 8)).toBeCloseTo(1, 9);
    expect(Array.from(projectRows(pca, data, 12)).every((v) => v === 0)).toBe(true);
  });

  it('rejects bad shapes and non-finite data', () => {
    expect(() => fitPca(new Float32Array(5), 2, 3, 1)).toThrow(/rows·cols = 6/);
    expect(() => fitPca(new Float32Array(6), 2, 3, 3)).toThrow(/k must be/);
    expect(() => fitPca(new Float32Array([0, NaN, 0, 0]), 2, 2, 1)).toThrow(/finite/);
  });
});

describe('projectRows', () => {
  it('gives each row its coordinates along the components (a line maps to its parameter)', () => {
    const cols = 10;
    const rows = 11;
    const direction = new Float64Array(cols).fill(1 / Math.sqrt(cols));
    const data = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) data[r * cols + c] = 1 + (r - 5) * (direction[c] as number);
    const pca = fitPca(data, rows, cols, 1);
    const coords = projectRows(pca, data, rows);
    for (let r = 0; r < rows; r++) expect(coords[r]).toBeCloseTo(r - 5, 5);
    expect(explainedFraction(pca)).toBeCloseTo(1, 9);
  });
});
