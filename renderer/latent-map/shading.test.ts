import { describe, expect, it } from 'vitest';
import { nearestDistanceRaster, SHADE_MAX_ALPHA, shadeAlpha, typicalSpacing } from './shading';

describe('typicalSpacing', () => {
  it('is the nearest-neighbour distance of a regular lattice', () => {
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) codes.push(i * 0.2, j * 0.2);
    expect(typicalSpacing(Float32Array.from(codes))).toBeCloseTo(0.2, 5);
  });

  it('is 0 for fewer than two points', () => {
    expect(typicalSpacing(Float32Array.from([1, 1]))).toBe(0);
  });
});

describe('nearestDistanceRaster', () => {
  it('measures from cell centres, top row first', () => {
    // One point at the top-left cell's centre of a 2×2 raster over [0,2]².
    const d = nearestDistanceRaster(Float32Array.from([0.5, 1.5]), { min: [0, 0], max: [2, 2] }, 2, 2);
    expect(Array.from(d)).toEqual([0, 1, 1, Math.SQRT2].map((v) => Math.fround(v)));
  });
});

describe('shadeAlpha', () => {
  it('leaves the data bright and dims far regions, monotonically', () => {
    expect(shadeAlpha(0, 0.1)).toBe(0);
    expect(shadeAlpha(0.2, 0.1)).toBe(0);
    expect(shadeAlpha(5, 0.1)).toBeCloseTo(SHADE_MAX_ALPHA);
    let last = 0;
    for (let d = 0; d < 1; d += 0.01) {
      const a = shadeAlpha(d, 0.1);
      expect(a).toBeGreaterThanOrEqual(last);
      last = a;
    }
  });

  it('dims nothing when the spacing is unknown', () => {
    expect(shadeAlpha(10, 0)).toBe(0);
  });
});
