import { describe, expect, it } from 'vitest';
import { createRng } from './random';
import { gradientVector, quartileVector, stepAlong } from './attribute-vectors';

/** 800 uniform factors and codes z = M·f + noise (M's columns: what a unit of height and of radius do). */
function synthetic(m: [[number, number], [number, number]], noise = 0) {
  const rng = createRng(4);
  const n = 800;
  const factors = new Float32Array(2 * n);
  const codes = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const h = rng();
    const r = rng();
    factors.set([h, r], 2 * i);
    codes[2 * i] = m[0][0] * h + m[0][1] * r + noise * (rng() - 0.5);
    codes[2 * i + 1] = m[1][0] * h + m[1][1] * r + noise * (rng() - 0.5);
  }
  return { codes, factors };
}

describe('attribute vectors', () => {
  // A sheared map: a unit of height moves z by (2, 1), a unit of radius by (−1, 3).
  const M: [[number, number], [number, number]] = [
    [2, -1],
    [1, 3],
  ];

  it('the quartile vector recovers the direction of a unit of the factor', () => {
    const { codes, factors } = synthetic(M, 0.05);
    const taller = quartileVector(codes, factors, 0)!;
    const wider = quartileVector(codes, factors, 1)!;
    // Within sampling noise: the other factor's mean differs a little between the two quartiles.
    const near = (got: [number, number], want: [number, number]) =>
      expect(Math.hypot(got[0] - want[0], got[1] - want[1])).toBeLessThan(0.15);
    near(taller, [2, 1]);
    near(wider, [-1, 3]);
  });

  it('the local gradient adds one unit of the factor per step, anywhere on a linear map', () => {
    const { codes, factors } = synthetic(M);
    // f = M⁻¹ z: the gradient of height is M⁻¹'s first row; a step of v adds w·v = 1 to height.
    const det = M[0][0] * M[1][1] - M[0][1] * M[1][0];
    const w: [number, number] = [M[1][1] / det, -M[0][1] / det];
    for (const z of [
      [0.5, 1.5],
      [1.2, 2.5],
    ] as const) {
      const v = gradientVector(codes, factors, 0, z)!;
      expect(w[0] * v[0] + w[1] * v[1]).toBeCloseTo(1, 3);
      // …and it is the shortest such step: parallel to w.
      expect(w[0] * v[1] - w[1] * v[0]).toBeCloseTo(0, 3);
    }
  });

  it('say there is no direction when the factor does not vary or the codes do not span a plane', () => {
    const codes = Float32Array.from({ length: 40 }, (_, i) => i);
    expect(quartileVector(codes, new Float32Array(40).fill(0.5), 0)).toBeNull();
    const onALine = Float32Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? i : 0));
    const f = Float32Array.from({ length: 40 }, (_, i) => i / 40);
    expect(gradientVector(onALine, f, 0, [0, 0])).toBeNull();
    expect(quartileVector(new Float32Array(4), new Float32Array(4), 0)).toBeNull();
  });

  it('step along a vector by an amount of the factor', () => {
    expect(stepAlong([1, 1], [2, -2], 0.25)).toEqual([1.5, 0.5]);
  });
});
