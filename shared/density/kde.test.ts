import { describe, expect, it } from 'vitest';
import { fitKde } from './kde';
import { densityRaster } from './raster';
import { gridLayout } from '../latent-grid';
import { concat, gaussianCodes } from './test-fixtures';

/** log (1/n) Σ_j N(z; x_j, diag(h1², h2²)), summed naively in log-sum-exp form. */
function bruteForce(codes: Float32Array, h: [number, number], z1: number, z2: number): number {
  const n = codes.length / 2;
  const logs = Array.from({ length: n }, (_, j) => {
    const u = (z1 - (codes[2 * j] as number)) / h[0];
    const v = (z2 - (codes[2 * j + 1] as number)) / h[1];
    return -0.5 * (u * u + v * v) - Math.log(2 * Math.PI * h[0] * h[1]);
  });
  const max = Math.max(...logs);
  return max + Math.log(logs.reduce((s, l) => s + Math.exp(l - max), 0)) - Math.log(n);
}

const codes = concat(gaussianCodes(400, 31), gaussianCodes(200, 32, [4, 3], [0.2, 0.2], 0));

describe('fitKde', () => {
  it("uses Scott's rule per axis times the factor", () => {
    const p = fitKde(codes, 0.5).params;
    if (p.family !== 'kde') throw new Error('wrong family');
    const n = codes.length / 2;
    for (const axis of [0, 1]) {
      const xs = Array.from(codes.filter((_, i) => i % 2 === axis));
      const mean = xs.reduce((s, x) => s + x, 0) / n;
      const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
      expect(p.bandwidth[axis]).toBeCloseTo(sd * n ** (-1 / 6) * 0.5, 12);
    }
    expect(p.points).toBe(n);
  });

  it('logDensity equals a brute-force sum, near and far from the codes (cutoff included)', () => {
    for (const factor of [0.25, 1, 4]) {
      const d = fitKde(codes, factor);
      const h = (d.params as { bandwidth: [number, number] }).bandwidth;
      const queries = [0, 0, 4, 3, 2, 1.5, -3, 8, 40, -30, 0.51, -1.02];
      const got = d.logDensity(queries);
      for (let i = 0; i < got.length; i++) {
        const want = bruteForce(codes, h, queries[2 * i] as number, queries[2 * i + 1] as number);
        expect(Number.isFinite(got[i])).toBe(true);
        expect(Math.abs((got[i] as number) - want)).toBeLessThan(1e-9 * Math.max(1, Math.abs(want)));
      }
    }
  });

  it('its raster (the factorised grid path) equals point-by-point brute force', () => {
    const d = fitKde(codes, 0.25);
    const h = (d.params as { bandwidth: [number, number] }).bandwidth;
    const bounds = { min: [-40, -6] as [number, number], max: [8, 30] as [number, number] };
    const raster = densityRaster(d, bounds, 13, 11);
    const nodes = gridLayout(bounds, 13, 11, 'bottom-up');
    for (let i = 0; i < raster.length; i++) {
      const want = bruteForce(codes, h, nodes[2 * i] as number, nodes[2 * i + 1] as number);
      expect(Math.abs((raster[i] as number) - want)).toBeLessThan(1e-9 * Math.max(1, Math.abs(want)));
    }
  });

  it('overfits at small bandwidths: higher on the training codes, lower on held-out ones', () => {
    const train = gaussianCodes(300, 33);
    const val = gaussianCodes(300, 34);
    const mean = (a: Float64Array) => a.reduce((s, x) => s + x, 0) / a.length;
    const narrow = fitKde(train, 0.25);
    const wide = fitKde(train, 1);
    expect(mean(narrow.logDensity(train))).toBeGreaterThan(mean(wide.logDensity(train)));
    expect(mean(narrow.logDensity(val))).toBeLessThan(mean(wide.logDensity(val)));
  });

  it('lets an axis with no spread borrow the other axis’ bandwidth, and says so', () => {
    const flat = new Float32Array([0, 1, 1, 1, 2, 1, 3, 1]);
    const d = fitKde(flat, 1);
    const h = (d.params as { bandwidth: [number, number] }).bandwidth;
    expect(h[1]).toBe(h[0]);
    expect(d.notes.join(' ')).toMatch(/z2.*borrows/);
    expect(d.logDensity([1.5, 1]).every(Number.isFinite)).toBe(true);
  });
});
