// MIG, SAP and DCI on synthetic codes whose answers are known: codes equal to the factors,
// the same codes rotated 45° (the same information, no longer axis-aligned), pure noise, and
// degenerate codes.
import { describe, expect, it } from 'vitest';
import { knnRegress, r2 } from '../knn';
import { createRng } from '../random';
import { disentanglement, discretize, entropy, mig, mutualInformation, sap } from './index';

const N = 2000;

/** Independent uniform (height, radius), interleaved. */
function factorsOf(seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: 2 * N }, () => rng());
}

function rotate(codes: Float32Array, degrees: number): Float32Array {
  const t = (degrees * Math.PI) / 180;
  const [c, s] = [Math.cos(t), Math.sin(t)];
  const out = new Float32Array(codes.length);
  for (let i = 0; i < codes.length; i += 2) {
    const [x, y] = [codes[i] as number, codes[i + 1] as number];
    out[i] = c * x - s * y;
    out[i + 1] = s * x + c * y;
  }
  return out;
}

/** Mean held-out kNN R² of the factors from the codes (the app's own informativeness check). */
function knnR2(codes: Float32Array, factors: Float32Array): number {
  const half = N / 2;
  const predicted = knnRegress(codes.subarray(0, N), factors.subarray(0, N), 2, codes.subarray(N), 10);
  const truth = factors.subarray(N);
  void half;
  return (r2(truth, predicted, 2, 0) + r2(truth, predicted, 2, 1)) / 2;
}

describe('disentanglement scores', () => {
  const factors = factorsOf(1);

  it('codes equal to the factors score MIG, SAP, D and C near 1', () => {
    const d = disentanglement(factors, factors);
    expect(d.mig).toBeGreaterThan(0.9);
    expect(d.sap).toBeGreaterThan(0.95);
    expect(d.dci.disentanglement).toBeGreaterThan(0.95);
    expect(d.dci.completeness).toBeGreaterThan(0.95);
    expect(d.dci.informativeness).toBeGreaterThan(0.95);
    expect(d.note).toBeNull();
  });

  it('the same codes rotated 45° score near 0 on MIG, SAP and D, with kNN R² and informativeness unchanged', () => {
    const rotated = rotate(factors, 45);
    const d = disentanglement(rotated, factors);
    expect(d.mig).toBeLessThan(0.1);
    expect(d.sap).toBeLessThan(0.05);
    expect(d.dci.disentanglement).toBeLessThan(0.1);
    expect(d.dci.completeness).toBeLessThan(0.1);
    expect(d.dci.informativeness).toBeGreaterThan(0.95);
    expect(knnR2(rotated, factors)).toBeCloseTo(knnR2(factors, factors), 2);
  });

  it('pure-noise codes score near 0 everywhere', () => {
    const noise = factorsOf(99);
    const d = disentanglement(noise, factors);
    expect(d.mig).toBeLessThan(0.05);
    expect(d.sap).toBeLessThan(0.02);
    expect(d.dci.disentanglement).toBeLessThan(0.05);
    expect(d.dci.completeness).toBeLessThan(0.05);
    expect(d.dci.informativeness).toBeLessThan(0.02);
  });

  it('degenerate codes (all equal) score 0 with a note, never NaN', () => {
    const constant = new Float32Array(2 * N).fill(0.3);
    const d = disentanglement(constant, factors);
    expect([d.mig, d.sap, d.dci.disentanglement, d.dci.completeness, d.dci.informativeness]).toEqual([
      0, 0, 0, 0, 0,
    ]);
    expect(d.note).toMatch(/constant/);
    const fewer = disentanglement(factors.subarray(0, 4), factors.subarray(0, 4));
    expect(Object.values(fewer.dci).every(Number.isFinite)).toBe(true);
    expect(() => mig(factors, factors.subarray(2), 2, 2)).toThrow(/codes but/);
  });

  it('bins and information as disentanglement_lib computes them', () => {
    // numpy: digitize(x, histogram(x, 4)[1][:-1]) − 1 for x = 0..7 → 0 0 1 1 2 2 3 3 (max in the last bin)
    expect(Array.from(discretize([0, 1, 2, 3, 4, 5, 6, 7], 4))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    const a = discretize([0, 0, 1, 1], 2);
    expect(entropy(a, 2)).toBeCloseTo(Math.log(2), 12);
    expect(mutualInformation(a, discretize([0, 1, 0, 1], 2), 2)).toBeCloseTo(0, 12);
    expect(mutualInformation(a, a, 2)).toBeCloseTo(Math.log(2), 12);
    // A second dimension that copies the first leaves no gap: MIG 0 though both are informative.
    const copied = new Float32Array(2 * N);
    for (let i = 0; i < N; i++) copied[2 * i] = copied[2 * i + 1] = factors[2 * i] as number;
    expect(mig(copied, factors, 2, 2).mig).toBeLessThan(0.05);
    expect(sap(copied, factors, 2, 2).sap).toBeLessThan(0.01);
  });
});
