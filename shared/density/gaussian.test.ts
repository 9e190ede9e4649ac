import { describe, expect, it } from 'vitest';
import { fitGaussian } from './gaussian';
import { gaussianCodes } from './test-fixtures';

/** Closed-form MLE written out independently: mean, then Σ (x − μ)(x − μ)ᵀ / n. */
function closedForm(codes: Float32Array) {
  const n = codes.length / 2;
  const xs = Array.from({ length: n }, (_, i) => [codes[2 * i] as number, codes[2 * i + 1] as number]);
  const m1 = xs.reduce((s, [a]) => s + (a as number), 0) / n;
  const m2 = xs.reduce((s, [, b]) => s + (b as number), 0) / n;
  const c = (f: (a: number, b: number) => number) =>
    xs.reduce((s, [a, b]) => s + f(a as number, b as number), 0) / n;
  return {
    mean: [m1, m2],
    cov: [c((a) => (a - m1) ** 2), c((a, b) => (a - m1) * (b - m2)), c((_, b) => (b - m2) ** 2)],
  };
}

describe('fitGaussian', () => {
  it('equals the closed-form MLE mean and covariance (divided by n), with no ridge', () => {
    const codes = gaussianCodes(400, 11);
    const p = fitGaussian(codes).params;
    if (p.family !== 'gaussian') throw new Error('wrong family');
    const want = closedForm(codes);
    p.mean.forEach((v, i) => expect(v).toBeCloseTo(want.mean[i] as number, 12));
    p.cov.forEach((v, i) => expect(v).toBeCloseTo(want.cov[i] as number, 12));
    expect(p.ridge).toBe(0);
    expect(fitGaussian(codes).notes).toEqual([]);
  });

  it('has the bivariate normal log-density', () => {
    const d = fitGaussian(new Float32Array([-1, 0, 1, 0, 0, -1, 0, 1])); // μ = 0, Σ = diag(0.5, 0.5)
    const [at0, at1] = d.logDensity([0, 0, 1, 1]);
    expect(at0).toBeCloseTo(-Math.log(2 * Math.PI * 0.5), 12);
    expect(at1).toBeCloseTo(-Math.log(2 * Math.PI * 0.5) - 0.5 * (2 / 0.5), 12);
  });

  it('adds a ridge only when the covariance is singular (codes on a line), and says so', () => {
    const line = new Float32Array([0, 0, 1, 2, 2, 4, 3, 6]);
    const d = fitGaussian(line);
    if (d.params.family !== 'gaussian') throw new Error('wrong family');
    expect(d.params.ridge).toBeGreaterThan(0);
    expect(d.params.ridge).toBeLessThan(1e-3);
    expect(d.notes.join(' ')).toMatch(/singular.*ridge/);
    expect(d.logDensity([1.5, 3]).every(Number.isFinite)).toBe(true);
  });

  it('adds a ridge for identical codes too', () => {
    const d = fitGaussian(new Float32Array([2, 2, 2, 2, 2, 2]));
    if (d.params.family !== 'gaussian') throw new Error('wrong family');
    expect(d.params.mean).toEqual([2, 2]);
    expect(d.params.ridge).toBeGreaterThan(0);
    expect(d.params.cov[0]).toBe(d.params.ridge);
  });
});
