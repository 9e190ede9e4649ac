import { describe, expect, it } from 'vitest';
import { nearestPoint } from './nearest-point';

describe('nearestPoint', () => {
  const codes = Float32Array.from([0, 0, 1, 1, 2, 0]);
  it('finds the closest code', () => {
    expect(nearestPoint(codes, 0.9, 0.8)).toBe(1);
    expect(nearestPoint(codes, 1.8, -0.5)).toBe(2);
  });
  it('returns -1 beyond the reach or without points', () => {
    expect(nearestPoint(codes, 5, 5, 1)).toBe(-1);
    expect(nearestPoint(new Float32Array(), 0, 0)).toBe(-1);
  });
  it('breaks ties toward the lower index', () => {
    expect(nearestPoint(codes, 1, 0)).toBe(0);
  });
});
