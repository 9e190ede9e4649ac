import { describe, expect, it } from 'vitest';
import { inRegion, maskArea, maskFromPredicate, MASK_SIZE } from './toy-mask';
import { shapeMask, TOY_SHAPES } from './toy-shapes';

describe('preset regions', () => {
  it('every preset is a non-empty region smaller than the square', () => {
    for (const { id } of TOY_SHAPES) {
      const mask = shapeMask(id);
      expect(mask.cells.length, id).toBe(MASK_SIZE * MASK_SIZE);
      expect(maskArea(mask), id).toBeGreaterThan(0.05);
      expect(maskArea(mask), id).toBeLessThan(0.6);
    }
  });

  it('the square covers [0.25, 0.75)², an area of exactly 0.25', () => {
    const mask = shapeMask('square');
    expect(maskArea(mask)).toBe(0.25);
    expect(inRegion(mask, 0.26, 0.74)).toBe(true);
    expect(inRegion(mask, 0.24, 0.5)).toBe(false);
  });

  it('the ring is an annulus π(0.34² − 0.22²) with a hole at its centre', () => {
    const mask = shapeMask('ring');
    expect(maskArea(mask)).toBeCloseTo(Math.PI * (0.34 ** 2 - 0.22 ** 2), 2);
    expect(inRegion(mask, 0.5, 0.5)).toBe(false);
    expect(inRegion(mask, 0.5 + 0.28, 0.5)).toBe(true);
  });

  it('two islands are two discs of radius 0.14 with sea between them', () => {
    const mask = shapeMask('two-islands');
    expect(maskArea(mask)).toBeCloseTo(2 * Math.PI * 0.14 ** 2, 2);
    expect(inRegion(mask, 0.28, 0.32)).toBe(true);
    expect(inRegion(mask, 0.72, 0.68)).toBe(true);
    expect(inRegion(mask, 0.5, 0.5)).toBe(false);
  });

  it('continents are three land masses apart from each other', () => {
    const mask = shapeMask('continents');
    for (const [x, y] of [
      [0.3, 0.65],
      [0.68, 0.7],
      [0.55, 0.26],
    ] as const) {
      expect(inRegion(mask, x, y)).toBe(true);
    }
    expect(inRegion(mask, 0.5, 0.48)).toBe(false);
  });
});

describe('masks', () => {
  it('rows run bottom-up: the bottom half is rows 0 to size/2 − 1', () => {
    const mask = maskFromPredicate(4, (_x, y) => y < 0.5);
    expect(Array.from(mask.cells)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(inRegion(mask, 0.9, 0.1)).toBe(true);
    expect(inRegion(mask, 0.9, 0.9)).toBe(false);
  });

  it('points outside the unit square are in no region', () => {
    const full = maskFromPredicate(4, () => true);
    expect(inRegion(full, -0.01, 0.5)).toBe(false);
    expect(inRegion(full, 0.5, 1)).toBe(false);
    expect(inRegion(full, 0, 0)).toBe(true);
  });
});
