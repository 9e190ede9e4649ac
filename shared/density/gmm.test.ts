import { describe, expect, it } from 'vitest';
import { fitGmm } from './gmm';
import { concat, gaussianCodes } from './test-fixtures';
import { DensityError } from './types';

const clusters = concat(
  gaussianCodes(300, 21, [-5, 0], [0.5, 0.5], 0),
  gaussianCodes(200, 22, [5, 0], [0.5, 0.3], 0.3),
  gaussianCodes(100, 23, [0, 6], [0.4, 0.4], -0.2),
);

function gmmParams(codes: Float32Array, k: number, seed: number) {
  const p = fitGmm(codes, k, seed).params;
  if (p.family !== 'gmm') throw new Error('wrong family');
  return p;
}

describe('fitGmm', () => {
  it("EM's mean log-likelihood never decreases across iterations", () => {
    for (const [codes, k] of [
      [gaussianCodes(500, 24), 4],
      [clusters, 3],
      [clusters, 8],
    ] as const) {
      const trace = gmmParams(codes, k, 2).logLikTrace;
      expect(trace.length).toBeGreaterThan(1);
      for (let t = 1; t < trace.length; t++) {
        expect(trace[t] as number).toBeGreaterThanOrEqual((trace[t - 1] as number) - 1e-12);
      }
    }
  });

  it('recovers well-separated clusters: weights, means and covariances', () => {
    const p = gmmParams(clusters, 3, 1);
    expect(p.converged).toBe(true);
    expect(p.iterations).toBe(p.logLikTrace.length);
    // Each true cluster's component: the one whose mean lies nearest its centre.
    const component = (c1: number, c2: number) => {
      const dist = p.means.map(([m1, m2]) => Math.hypot(m1 - c1, m2 - c2));
      const j = dist.indexOf(Math.min(...dist));
      return { w: p.weights[j] as number, d: dist[j] as number, cov: p.covs[j] as number[] };
    };
    const [left, right, top] = [component(-5, 0), component(5, 0), component(0, 6)];
    expect([left.w, right.w, top.w].map((w) => w.toFixed(2))).toEqual(['0.50', '0.33', '0.17']);
    // The standard error of a cluster mean is σ/√n ≤ 0.5/√100 = 0.05: allow 3 of them.
    for (const c of [left, right, top]) expect(c.d).toBeLessThan(0.15);
    expect(right.cov[0]).toBeCloseTo(0.25, 1);
    expect(right.cov[2]).toBeCloseTo(0.09, 1);
  });

  it('is reproducible from its seed', () => {
    expect(gmmParams(clusters, 4, 9)).toEqual(gmmParams(clusters, 4, 9));
  });

  it('floors a component that collapses onto a point, and says so', () => {
    // Two distinct points for three components: at least one component sits on a single point.
    const codes = new Float32Array([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    const d = fitGmm(codes, 3, 1);
    expect(d.notes.join(' ')).toMatch(/collapsed.*floor/);
    expect(d.logDensity([0, 0, 1, 1]).every(Number.isFinite)).toBe(true);
  });

  it('needs at least k codes', () => {
    expect(() => fitGmm(new Float32Array([0, 0, 1, 0, 0, 1]), 4, 1)).toThrow(DensityError);
  });
});
