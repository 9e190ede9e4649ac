import { describe, expect, it } from 'vitest';
import { generateDataset } from './dataset';
import { createRng } from './random';
import { computeMetrics, mse, spearman, variance, type MetricsInput } from './stats';

describe('spearman', () => {
  it('is 1 for any increasing relation and −1 for a decreasing one', () => {
    const xs = [0.1, 0.5, 0.2, 3, -1];
    expect(
      spearman(
        xs,
        xs.map((x) => x ** 3 + 7),
      ),
    ).toBeCloseTo(1, 12);
    expect(
      spearman(
        xs,
        xs.map((x) => Math.exp(-x)),
      ),
    ).toBeCloseTo(-1, 12);
  });

  it('gives tied values their average rank', () => {
    // Ranks of a: 1, 2.5, 2.5, 4; of b: 1, 2, 3, 4 → Pearson of the ranks = 4.5 / sqrt(4.5 · 5).
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 12);
    // Textbook example (n = 5, no ties): 1 − 6·Σd² / (n(n²−1)) with Σd² = 4 → 0.8.
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
  });

  it('is 0 when an input is constant, and rejects mismatched lengths', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBe(0);
    expect(() => spearman([1, 2], [1])).toThrow(/same length/);
  });
});

describe('variance, mse', () => {
  it('compute the textbook values', () => {
    expect(variance([1, 2, 3, 4])).toBeCloseTo(1.25, 12);
    expect(mse([0, 1, 2], [0, 1, 5])).toBeCloseTo(3, 12);
  });

  it('reject empty and mismatched input', () => {
    expect(() => variance([])).toThrow(/empty/);
    expect(() => mse([1], [1, 2])).toThrow(/same length/);
  });
});

describe('computeMetrics', () => {
  const dataset = generateDataset({ count: 1000, imageSize: 32, seed: 4, valFraction: 0.2 });
  /** Metrics input where the codes are the true factors and the reconstructions perfect. */
  const ideal: MetricsInput = {
    valImages: dataset.val.images,
    valRecon: dataset.val.images.slice(),
    valCodes: dataset.val.factors,
    valFactors: dataset.val.factors,
    trainCodes: dataset.train.factors,
    trainFactors: dataset.train.factors,
  };

  it('scores a perfect model: MSE 0, R² ≈ 1, z1 ~ height and z2 ~ radius', () => {
    const metrics = computeMetrics(ideal);
    expect(metrics.valMse).toBe(0);
    expect(metrics.valNmse).toBe(0);
    expect(metrics.knnR2.height).toBeGreaterThan(0.97);
    expect(metrics.knnR2.radius).toBeGreaterThan(0.97);
    expect(metrics.spearman.z1.height).toBeCloseTo(1, 12);
    expect(metrics.spearman.z2.radius).toBeCloseTo(1, 12);
    expect(Math.abs(metrics.spearman.z1.radius)).toBeLessThan(0.2);
    const { min, max } = metrics.latentBounds;
    expect(min[0]).toBeGreaterThanOrEqual(0);
    expect(max[1]).toBeLessThanOrEqual(1);
    expect(max[0] - min[0]).toBeGreaterThan(0.9);
  });

  it('normalises MSE by the pixel variance: the mean image scores valNmse 1', () => {
    const { val } = dataset;
    const meanPixel = val.images.reduce((s, v) => s + v, 0) / val.images.length;
    const metrics = computeMetrics({
      ...ideal,
      valRecon: new Float32Array(val.images.length).fill(meanPixel),
    });
    expect(metrics.valMse).toBeCloseTo(variance(val.images), 6);
    expect(metrics.valNmse).toBeCloseTo(1, 4);
  });

  it('gives R² near 0 for codes unrelated to the factors, and flips Spearman for negated codes', () => {
    const rng = createRng(11);
    const noise = (n: number): Float32Array => new Float32Array(n).map(() => rng());
    const random = computeMetrics({
      ...ideal,
      valCodes: noise(ideal.valCodes.length),
      trainCodes: noise(ideal.trainCodes.length),
    });
    expect(Math.abs(random.knnR2.height)).toBeLessThan(0.2);
    expect(Math.abs(random.knnR2.radius)).toBeLessThan(0.2);
    expect(Math.abs(random.spearman.z1.height)).toBeLessThan(0.2);
    const negated = computeMetrics({
      ...ideal,
      valCodes: ideal.valCodes.map((v) => -v),
      trainCodes: ideal.trainCodes.map((v) => -v),
    });
    expect(negated.spearman.z1.height).toBeCloseTo(-1, 12);
    expect(negated.knnR2.height).toBeGreaterThan(0.97);
  });

  it('rejects non-finite codes and mismatched lengths with clear errors', () => {
    const bad = ideal.valCodes.slice();
    bad[5] = NaN;
    expect(() => computeMetrics({ ...ideal, valCodes: bad })).toThrow(
      /valCodes contains a non-finite value \(NaN\)/,
    );
    const inf = ideal.trainCodes.slice();
    inf[0] = Infinity;
    expect(() => computeMetrics({ ...ideal, trainCodes: inf })).toThrow(
      /trainCodes contains a non-finite value \(Infinity\)/,
    );
    expect(() => computeMetrics({ ...ideal, valFactors: ideal.valFactors.subarray(2) })).toThrow(
      /valFactors must match/,
    );
    expect(() => computeMetrics({ ...ideal, valRecon: ideal.valRecon.subarray(1) })).toThrow(/same length/);
  });
});
