import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { alignAngle, rotateCodes } from './align';
import { mig } from './mig';

/** 800 uniform factors in [0, 1]², interleaved. */
function factors(seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: 1600 }, () => rng());
}

describe('rotateCodes', () => {
  it('turns counter-clockwise and keeps lengths', () => {
    const r = rotateCodes([1, 0, 0, 2], Math.PI / 2);
    expect(r[0]).toBeCloseTo(0, 6);
    expect(r[1]).toBeCloseTo(1, 6);
    expect(r[2]).toBeCloseTo(-2, 6);
    expect(r[3]).toBeCloseTo(0, 6);
  });
});

describe('alignAngle', () => {
  it('undoes a turn of the factors, and its MIG is theirs', () => {
    const f = factors(5);
    const turned = rotateCodes(f, 0.5);
    const { angle, mig: best } = alignAngle(turned, f);
    expect(angle).toBeCloseTo(-0.5, 1);
    expect(best).toBeGreaterThan(mig(turned, f, 2, 2).mig + 0.3);
    expect(best).toBeGreaterThan(0.9 * mig(f, f, 2, 2).mig);
  });

  it('finds a quarter-turn-equivalent angle for a turn past 45°', () => {
    const f = factors(9);
    const { angle } = alignAngle(rotateCodes(f, 1.2), f);
    // −1.2 + π/2 ≈ 0.371: the same axes, swapped.
    expect(angle).toBeCloseTo(Math.PI / 2 - 1.2, 1);
  });

  it('leaves aligned codes alone', () => {
    const f = factors(2);
    expect(Math.abs(alignAngle(f, f).angle)).toBeLessThan(0.03);
  });
});
