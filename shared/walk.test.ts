import { describe, expect, it } from 'vitest';
import { interpolate, pathFrames, pointOnPath, turnPoint, walkPoints, walkTimes } from './walk';

describe('walks', () => {
  it('start at A and end at B without overshoot, evenly spaced when linear', () => {
    const z = walkPoints([0, 0], [2, 4], 5, 'linear', 0);
    expect(Array.from(z)).toEqual([0, 0, 0.5, 1, 1, 2, 1.5, 3, 2, 4]);
  });

  it('overshoot past both ends along the same line', () => {
    expect(walkTimes(5, 0.5)).toEqual([-0.5, 0, 0.5, 1, 1.5]);
    const z = walkPoints([1, 1], [3, 1], 5, 'linear', 0.5);
    expect(z[0]).toBeCloseTo(0, 6);
    expect(z[8]).toBeCloseTo(4, 6);
  });

  it('keep the norm along a spherical walk between points of equal norm, and hit both ends', () => {
    const a: [number, number] = [2, 0];
    const b: [number, number] = [0, -2];
    const z = walkPoints(a, b, 9, 'spherical', 0);
    for (let i = 0; i < 9; i++) expect(Math.hypot(z[2 * i]!, z[2 * i + 1]!)).toBeCloseTo(2, 5);
    expect([z[0], z[1]]).toEqual([2, 0]);
    expect(z[16]).toBeCloseTo(0, 6);
    expect(z[17]).toBeCloseTo(-2, 6);
    // The shorter way round: the midpoint is at −45°.
    const mid = interpolate(a, b, 0.5, 'spherical');
    expect(Math.atan2(mid[1], mid[0])).toBeCloseTo(-Math.PI / 4, 6);
  });

  it('overshoot a spherical walk without flipping through the origin when the norms differ', () => {
    // Beyond A (t < 0) of a short A and a long B, the length would go negative: it stops at 0.
    const beyond = interpolate([1, 0], [0, 3], -1.5, 'spherical');
    expect(Math.hypot(beyond[0], beyond[1])).toBe(0);
    const justBeyond = interpolate([1, 0], [0, 3], -0.25, 'spherical');
    expect(Math.hypot(justBeyond[0], justBeyond[1])).toBeCloseTo(0.5, 6);
    expect(justBeyond[1]).toBeLessThan(0); // past A, away from B
    expect(turnPoint([2, 0], Math.PI / 2)[1]).toBeCloseTo(2, 6);
  });

  it('interpolate norms linearly when they differ, and fall back to linear through the origin', () => {
    const p = interpolate([1, 0], [0, 3], 0.5, 'spherical');
    expect(Math.hypot(p[0], p[1])).toBeCloseTo(2, 6);
    expect(interpolate([0, 0], [2, 2], 0.25, 'spherical')).toEqual([0.5, 0.5]);
  });

  it('refuse A = B and settings out of range with a clear message', () => {
    expect(() => walkPoints([1, 1], [1, 1], 5, 'linear', 0)).toThrow(/same point/);
    expect(() => walkTimes(2, 0)).toThrow(/3 to 32 steps/);
    expect(() => walkTimes(33, 0)).toThrow(/3 to 32 steps/);
    expect(() => walkTimes(8, 2)).toThrow(/between 0 and 1.5/);
    expect(() => walkTimes(8, Number.NaN)).toThrow(/overshoot/);
  });
});

describe('keyframed paths', () => {
  const keys = new Float32Array([0, 0, 2, 0, 2, 2]);

  it('pass through every keyframe, each segment taking the same time', () => {
    expect(pointOnPath(keys, 0)).toEqual([0, 0]);
    expect(pointOnPath(keys, 0.5)).toEqual([2, 0]);
    expect(pointOnPath(keys, 0.75)).toEqual([2, 1]);
    expect(pointOnPath(keys, 1)).toEqual([2, 2]);
    expect(pointOnPath(keys, 7)).toEqual([2, 2]); // clamped
  });

  it('give evenly timed frames with both ends, and refuse too few keyframes', () => {
    expect(Array.from(pathFrames(keys, 5))).toEqual([0, 0, 1, 0, 2, 0, 2, 1, 2, 2]);
    expect(() => pointOnPath(new Float32Array([1, 1]), 0.5)).toThrow(/at least 2 keyframes/);
    expect(() => pathFrames(keys, 1)).toThrow(/at least 2 frames/);
  });
});
