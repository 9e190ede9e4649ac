import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { fitBox } from './box';
import { meanDensity, priorDensity } from './fixed';
import { fitGaussian } from './gaussian';
import { fitGmm } from './gmm';
import { fitKde } from './kde';
import { concat, gaussianCodes, sampleMoments } from './test-fixtures';
import type { Cov2, Density, Point2 } from './types';

/**
 * With N = 20,480 samples the standard error of a mean is σ/√N ≈ 0.007σ and of a variance about
 * σ²·√(2/N) ≈ 0.01σ², so 5 standard errors (0.035σ, 0.05σ²) fail a wrong sampler, not a right one.
 */
const N = 20 * 1024;

function expectMoments(d: Density, mean: Point2, cov: Cov2, temperature = 1) {
  const got = sampleMoments(d, N, createRng(5), temperature);
  const sd = [Math.sqrt(cov[0]), Math.sqrt(cov[2])];
  expect(Math.abs(got.mean[0] - mean[0])).toBeLessThan(0.035 * (sd[0] as number));
  expect(Math.abs(got.mean[1] - mean[1])).toBeLessThan(0.035 * (sd[1] as number));
  const scale = [cov[0], Math.sqrt(cov[0] * cov[2]), cov[2]];
  got.cov.forEach((c, i) =>
    expect(Math.abs(c - (cov[i] as number))).toBeLessThan(0.05 * (scale[i] as number)),
  );
}

/** Two Gaussian clusters: a mixture has something to fit. */
const codes = concat(gaussianCodes(300, 41), gaussianCodes(300, 42, [3, 2], [0.4, 0.6], -0.3));

describe('samples approach the fitted distribution', () => {
  it('box: uniform, so mean = centre and variance = width²/12', () => {
    const { min, max } = fitBox(codes).params as { min: Point2; max: Point2 };
    const w = [max[0] - min[0], max[1] - min[1]] as const;
    expectMoments(
      fitBox(codes),
      [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2],
      [w[0] ** 2 / 12, 0, w[1] ** 2 / 12],
    );
  });

  it('gaussian: its fitted mean and covariance', () => {
    const d = fitGaussian(codes);
    const p = d.params as { mean: Point2; cov: Cov2 };
    expectMoments(d, p.mean, p.cov);
  });

  it('gmm: the mixture moments Σ w μ and Σ w (Σ + μμᵀ) − μ̄μ̄ᵀ', () => {
    const d = fitGmm(codes, 2, 1);
    const p = d.params as { weights: number[]; means: Point2[]; covs: Cov2[] };
    const m = [0, 1].map((a) =>
      p.weights.reduce((s, w, j) => s + w * (p.means[j] as Point2)[a]!, 0),
    ) as Point2;
    const second = (a: 0 | 1, b: 0 | 1, c: 0 | 1 | 2) =>
      p.weights.reduce(
        (s, w, j) => s + w * ((p.covs[j] as Cov2)[c] + (p.means[j] as Point2)[a] * (p.means[j] as Point2)[b]),
        0,
      );
    expectMoments(d, m, [
      second(0, 0, 0) - m[0] ** 2,
      second(0, 1, 1) - m[0] * m[1],
      second(1, 1, 2) - m[1] ** 2,
    ]);
  });

  it('kde: the codes’ mean, and their covariance (MLE) plus the bandwidth²', () => {
    const d = fitKde(codes, 1);
    const h = (d.params as { bandwidth: Point2 }).bandwidth;
    const g = fitGaussian(codes).params as { mean: Point2; cov: Cov2 };
    expectMoments(d, g.mean, [g.cov[0] + h[0] ** 2, g.cov[1], g.cov[2] + h[1] ** 2]);
  });

  it('prior: N(0, I)', () => {
    expectMoments(priorDensity(), [0, 0], [1, 0, 1]);
  });
});

describe('temperature scales the spread about the centre', () => {
  it('multiplies a Gaussian covariance by T² and keeps its mean', () => {
    const d = fitGaussian(codes);
    const p = d.params as { mean: Point2; cov: Cov2 };
    expectMoments(d, p.mean, p.cov.map((c) => c * 0.25) as Cov2, 0.5);
  });

  it('multiplies the box half-widths by T', () => {
    const d = fitBox(codes);
    const { min, max } = d.params as { min: Point2; max: Point2 };
    const z = d.sample(1024, createRng(1), 2);
    const c = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2];
    const reach = [0, 1].map((a) =>
      Math.max(
        ...Array.from(
          z.filter((_, i) => i % 2 === a),
          (v) => Math.abs(v - c[a]!),
        ),
      ),
    );
    // Samples fill ±T·half-width: beyond the box, within twice its size.
    expect(reach[0]).toBeGreaterThan((max[0] - min[0]) / 2);
    expect(reach[0]).toBeLessThanOrEqual(max[0] - min[0] + 1e-5);
    expect(reach[1]).toBeLessThanOrEqual(max[1] - min[1] + 1e-5);
  });

  it('is the prior’s σ', () => {
    expectMoments(priorDensity(), [0, 0], [9, 0, 9], 3);
  });
});

describe('the mean code', () => {
  it('returns its point every time and is not a generative model', () => {
    const d = meanDensity(codes);
    const mean = (fitGaussian(codes).params as { mean: Point2 }).mean;
    expect(d.generative).toBe(false);
    expect(d.params).toEqual({ family: 'mean', point: mean });
    const z = d.sample(16, createRng(1), 3);
    for (let i = 0; i < 16; i++)
      expect([z[2 * i], z[2 * i + 1]]).toEqual([Math.fround(mean[0]), Math.fround(mean[1])]);
    expect(Array.from(d.logDensity([mean[0], mean[1], 0, 0]))).toEqual([-Infinity, -Infinity]);
  });
});
