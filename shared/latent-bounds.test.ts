import { describe, expect, it } from 'vitest';
import { boundsOfCodes, expandBounds, robustBounds } from './latent-bounds';

describe('boundsOfCodes', () => {
  it('finds the box of interleaved codes', () => {
    expect(boundsOfCodes(new Float32Array([0, 1, 2, -1, -3, 0.5]))).toEqual({ min: [-3, -1], max: [2, 1] });
    expect(boundsOfCodes(new Float32Array([4, -2]))).toEqual({ min: [4, -2], max: [4, -2] });
  });

  it('leaves out every point with a non-finite coordinate, on both axes', () => {
    const codes = Float32Array.from([1, 2, -1, 5, 3, NaN, Infinity, 0, 0, -Infinity, 0, 0]);
    expect(boundsOfCodes(codes)).toEqual({ min: [-1, 0], max: [1, 5] });
  });

  it('ignores a trailing odd value', () => {
    expect(boundsOfCodes(Float32Array.from([1, 1, 2, 2, -50]))).toEqual({ min: [1, 1], max: [2, 2] });
  });

  it('answers the unit box around 0 when no point is finite', () => {
    const unit = { min: [-1, -1], max: [1, 1] };
    expect(boundsOfCodes(new Float32Array())).toEqual(unit);
    expect(boundsOfCodes(Float32Array.from([NaN, 3, 2, Infinity]))).toEqual(unit);
  });
});

describe('expandBounds', () => {
  it('grows each axis by a fraction of its span, or by the fraction itself when the span is 0', () => {
    expect(expandBounds({ min: [0, 10], max: [10, 12] }, 0.1)).toEqual({ min: [-1, 9.8], max: [11, 12.2] });
    expect(expandBounds({ min: [2, 3], max: [2, 5] }, 0.5)).toEqual({ min: [1.5, 2], max: [2.5, 6] });
  });
});

describe('robustBounds', () => {
  it('ignores a few outliers', () => {
    const codes: number[] = [];
    for (let i = 0; i <= 100; i++) codes.push(i / 100, -i / 100);
    codes.push(50, -50);
    const b = robustBounds(Float32Array.from(codes), 0.01);
    expect(b.max[0]).toBeLessThanOrEqual(1);
    expect(b.min[1]).toBeGreaterThanOrEqual(-1);
    expect(b.min[0]).toBeCloseTo(0.01, 5);
  });

  it('uses the plain bounds for small sets', () => {
    expect(robustBounds(Float32Array.from([0, 0, 9, 9, NaN, 1]))).toEqual({ min: [0, 0], max: [9, 9] });
  });
});
