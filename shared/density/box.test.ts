import { describe, expect, it } from 'vitest';
import { boxDensity, fitBox } from './box';
import { countOutside, meanLogLikelihood } from './likelihood';
import { gaussianCodes } from './test-fixtures';
import { DensityError } from './types';

describe('fitBox', () => {
  it('is exactly the bounding box of the codes (the MLE)', () => {
    const codes = gaussianCodes(500, 3);
    const z1 = Array.from(codes.filter((_, i) => i % 2 === 0));
    const z2 = Array.from(codes.filter((_, i) => i % 2 === 1));
    const p = fitBox(codes).params;
    expect(p).toEqual({
      family: 'box',
      min: [Math.min(...z1), Math.min(...z2)],
      max: [Math.max(...z1), Math.max(...z2)],
    });
  });

  it('gives −log(area) inside (edges included) and −Infinity outside', () => {
    const d = fitBox(new Float32Array([0, 0, 2, 1, 1, 0.5]));
    expect(Array.from(d.logDensity([1, 0.5, 0, 0, 2, 1, 2.001, 0.5, 1, -0.001]))).toEqual([
      -Math.log(2),
      -Math.log(2),
      -Math.log(2),
      -Infinity,
      -Infinity,
    ]);
  });

  it('has a larger likelihood on the training codes than any box that also contains them', () => {
    const codes = gaussianCodes(200, 4);
    const { min, max } = fitBox(codes).params as { min: [number, number]; max: [number, number] };
    const mle = meanLogLikelihood(fitBox(codes), codes);
    const wider = boxDensity([min[0] - 0.1, min[1]], max);
    expect(meanLogLikelihood(wider, codes)).toBeLessThan(mle);
  });

  it('reports a box with no area when every code shares z2, whose likelihood is 0', () => {
    const d = fitBox(new Float32Array([0, 1, 1, 1, 2, 1]));
    expect(d.notes.join(' ')).toMatch(/z2.*no area/);
    expect(meanLogLikelihood(d, [1, 1])).toBe(-Infinity);
  });
});

describe('held-out box log-likelihood', () => {
  const train = gaussianCodes(300, 5);
  const d = fitBox(train);
  const { min, max } = d.params as { min: [number, number]; max: [number, number] };

  it('is finite when every validation code lies inside', () => {
    const inside = new Float32Array([min[0], min[1], max[0], max[1], (min[0] + max[0]) / 2, 0]);
    expect(meanLogLikelihood(d, inside)).toBeCloseTo(-Math.log((max[0] - min[0]) * (max[1] - min[1])), 12);
    expect(countOutside(d, inside)).toBe(0);
  });

  it('is −Infinity exactly when a validation code lies outside, and countOutside counts them', () => {
    const val = new Float32Array([0, min[1], max[0] + 0.01, 0, 0, min[1] - 0.01, 0, 0]);
    expect(meanLogLikelihood(d, val)).toBe(-Infinity);
    expect(countOutside(d, val)).toBe(2);
  });

  it('on a real held-out set matches "some code outside"', () => {
    const val = gaussianCodes(300, 6);
    const outside = countOutside(d, val);
    expect(outside).toBeGreaterThan(0);
    expect(meanLogLikelihood(d, val)).toBe(-Infinity);
    expect(countOutside(d, train)).toBe(0);
    expect(Number.isFinite(meanLogLikelihood(d, train))).toBe(true);
  });
});

describe('boxDensity', () => {
  it('throws a DensityError naming the axis when min ≥ max', () => {
    expect(() => boxDensity([0, 0], [1, 0])).toThrow(DensityError);
    expect(() => boxDensity([2, 0], [1, 1])).toThrow(/min < max on z1/);
    expect(() => boxDensity([0, NaN], [1, 1])).toThrow(/finite/);
  });
});
