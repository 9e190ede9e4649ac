import { describe, expect, it } from 'vitest';
import { factorColors, gridLineIndex, srgbToLinear, surfaceIndex } from './scene-parts';
import { cylinderSize } from './cylinder-inset';

describe('grid index buffers', () => {
  it('makes two triangles per cell, each using a cell’s corners', () => {
    const index = surfaceIndex(3);
    expect(index.length).toBe(6 * 4);
    expect(Array.from(index.slice(0, 6))).toEqual([0, 3, 1, 1, 3, 4]);
    expect(Math.max(...index)).toBe(8);
  });

  it('joins neighbours along rows and columns only', () => {
    const perSide = 4;
    const index = gridLineIndex(perSide);
    expect(index.length).toBe(4 * perSide * (perSide - 1));
    for (let k = 0; k < index.length; k += 2) {
      const a = index[k] as number;
      const b = index[k + 1] as number;
      const sameRow = Math.floor(a / perSide) === Math.floor(b / perSide) && b - a === 1;
      const sameCol = b - a === perSide;
      expect(sameRow || sameCol).toBe(true);
    }
  });
});

describe('factorColors', () => {
  it('reads height or radius and writes linear viridis', () => {
    const out = new Float32Array(6);
    factorColors(Float32Array.from([0, 1, 1, 0]), 'height', 2, out);
    expect(out[0]).toBeCloseTo(srgbToLinear(0x44 / 255), 6); // viridis(0) = #440154
    expect(out[3]).toBeCloseTo(srgbToLinear(0xfd / 255), 6); // viridis(1) = #fde725
    factorColors(Float32Array.from([0, 1, 1, 0]), 'radius', 2, out);
    expect(out[0]).toBeCloseTo(srgbToLinear(0xfd / 255), 6);
  });
});

describe('cylinderSize', () => {
  it('grows with height and radius, in fractions of the picture frame', () => {
    const small = cylinderSize({ height: 0, radius: 0 });
    const big = cylinderSize({ height: 1, radius: 1 });
    expect(small.radius).toBeCloseTo(0.1, 9);
    expect(big.radius).toBeCloseTo(0.4, 9);
    expect(big.height).toBeGreaterThan(small.height);
    expect(big.height).toBeLessThan(1);
  });
});
