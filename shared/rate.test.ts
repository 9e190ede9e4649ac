import { describe, expect, it } from 'vitest';
import { rateOf } from './rate';

describe('rateOf', () => {
  it('is 0 when every posterior is the prior', () => {
    expect(rateOf(new Float32Array(8), new Float32Array(8))).toBe(0);
  });

  it('adds ½μ² per dimension for a shifted unit posterior', () => {
    // Two images: μ = (1, 0) and (0, 2); KL = 0.5 and 2; mean 1.25.
    expect(rateOf([1, 0, 0, 2], [0, 0, 0, 0])).toBeCloseTo(1.25, 10);
  });

  it('matches the closed form of a narrowed posterior', () => {
    // σ² = e^-2 on both axes: ½(e^-2 − 1 + 2) each.
    const per = 0.5 * (Math.exp(-2) + 1);
    expect(rateOf([0, 0], [-2, -2])).toBeCloseTo(2 * per, 10);
  });

  it('refuses mismatched lengths and is 0 for no rows', () => {
    expect(() => rateOf([0, 0], [0])).toThrow(/differ/);
    expect(rateOf([], [])).toBe(0);
  });
});
