import { describe, expect, it } from 'vitest';
import { boxDensity, fitDensity, DEFAULT_FAMILY_SETTINGS } from '../../shared/density';
import { maskFromPredicate } from './toy-mask';
import { coveredRegionCells, labelToySamples, scoreToy } from './toy-score';

// A 4×4 mask whose region is the left half: cells with col 0 or 1 (8 cells).
const mask = maskFromPredicate(4, (x) => x < 0.5);

describe('labelToySamples', () => {
  it('labels samples inside the region C and outside A (also off the square)', () => {
    const z = Float32Array.from([0.1, 0.1, 0.9, 0.9, 0.45, 0.99, 0.55, 0.2, -0.1, 0.5]);
    expect(labelToySamples(mask, z)).toEqual(['C', 'A', 'C', 'A', 'A']);
  });
});

describe('scoreToy', () => {
  it('counts A, B and C exactly on a hand-made mask', () => {
    const covered = new Uint8Array(16);
    // Covers three region cells (rows 0: cols 0, 1; row 1: col 0) and one cell outside it.
    covered[0] = 1;
    covered[1] = 1;
    covered[4] = 1;
    covered[3] = 1;
    const scores = scoreToy(mask, ['C', 'A', 'C', 'C', 'A'], covered);
    expect(scores).toEqual({
      samples: 5,
      looksWrong: 2,
      plausible: 3,
      precision: 3 / 5,
      regionCells: 8,
      coveredCells: 3,
      missedCells: 5,
      coverage: 3 / 8,
    });
  });

  it('has no precision without samples', () => {
    expect(scoreToy(mask, [], new Uint8Array(16)).precision).toBeNaN();
  });
});

describe('coveredRegionCells', () => {
  it('a box covers the region cells whose centres lie in it, and nothing outside the region', () => {
    // Box [0, 0.3] × [0, 0.6]: centres (0.125, 0.125) and (0.125, 0.375) of the region.
    const covered = coveredRegionCells(mask, boxDensity([0, 0], [0.3, 0.6]), -Number.MAX_VALUE);
    expect(Array.from(covered.keys()).filter((i) => covered[i] === 1)).toEqual([0, 4]);
  });

  it('judged per 2×2 block, the verdict at the block centre holds for its region cells', () => {
    // The box [0, 0.5]² holds block (0, 0)'s centre (0.25, 0.25) but not block (0, 1)'s (0.25, 0.75).
    const covered = coveredRegionCells(mask, boxDensity([0, 0], [0.5, 0.5]), -Number.MAX_VALUE, 2);
    expect(Array.from(covered.keys()).filter((i) => covered[i] === 1)).toEqual([0, 1, 4, 5]);
  });

  it('a higher level covers less of the region', () => {
    const codes = Float32Array.from([0.2, 0.2, 0.3, 0.6, 0.1, 0.8, 0.4, 0.3, 0.25, 0.5]);
    const gauss = fitDensity('gaussian', codes, DEFAULT_FAMILY_SETTINGS, { isVae: false });
    const count = (level: number) => coveredRegionCells(mask, gauss, level).reduce((a, b) => a + b, 0);
    expect(count(-Infinity)).toBe(8);
    expect(count(Infinity)).toBe(0);
    expect(count(0)).toBeGreaterThan(count(1));
  });

  it('the mean point covers nothing: it is not a generative model', () => {
    const codes = Float32Array.from([0.2, 0.2, 0.3, 0.6, 0.1, 0.8]);
    const mean = fitDensity('mean', codes, DEFAULT_FAMILY_SETTINGS, { isVae: false });
    expect(coveredRegionCells(mask, mean, -Infinity).every((c) => c === 0)).toBe(true);
  });
});
