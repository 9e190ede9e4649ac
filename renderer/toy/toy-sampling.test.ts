import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n/translate';
import { emptyMask, inRegion, maskFromPredicate } from './toy-mask';
import { samplePointsInMask, ToyError } from './toy-sampling';
import { shapeMask } from './toy-shapes';

describe('samplePointsInMask', () => {
  it('every point lands inside the region', () => {
    const mask = shapeMask('ring');
    const points = samplePointsInMask(mask, 2000, 7);
    expect(points.length).toBe(4000);
    for (let i = 0; i < 2000; i++) {
      expect(inRegion(mask, points[2 * i]!, points[2 * i + 1]!)).toBe(true);
    }
  });

  it('is deterministic per seed, and seeds differ', () => {
    const mask = shapeMask('continents');
    const a = samplePointsInMask(mask, 200, 3);
    expect(samplePointsInMask(mask, 200, 3)).toEqual(a);
    expect(samplePointsInMask(mask, 200, 4)).not.toEqual(a);
  });

  it('spreads uniformly: the two halves of a rectangle get about half each', () => {
    const mask = maskFromPredicate(64, (x) => x < 0.5);
    const points = samplePointsInMask(mask, 2000, 1);
    let low = 0;
    for (let i = 0; i < 2000; i++) if (points[2 * i + 1]! < 0.5) low++;
    // Binomial(2000, ½): σ ≈ 22, so ±100 is over 4σ.
    expect(Math.abs(low - 1000)).toBeLessThan(100);
  });

  it('refuses an empty region and out-of-range counts with a clear message', () => {
    const problem = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        if (error instanceof ToyError) return translator('en')(error.problem.id, error.problem.values);
      }
      return null;
    };
    expect(problem(() => samplePointsInMask(emptyMask(), 200, 1))).toMatch(/empty/);
    expect(() => samplePointsInMask(shapeMask('square'), 10, 1)).toThrow(ToyError);
    expect(problem(() => samplePointsInMask(shapeMask('square'), 2001, 1))).toBe(
      'The number of points must be a whole number from 50 to 2000.',
    );
    expect(() => samplePointsInMask(shapeMask('square'), 100.5, 1)).toThrow(ToyError);
  });
});
