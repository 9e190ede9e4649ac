import { describe, expect, it } from 'vitest';
import type { Factors } from './api';
import type { ImageSize } from './train-config';
import { renderCylinder, validateFactors } from './cylinder';

/** Pixels brighter than this count as part of the cylinder. */
const LIT = 0.1;

/** Bounding box of lit pixels: width in columns, height in rows, and how many there are. */
function litExtent(pixels: Float32Array, size: number): { width: number; height: number; count: number } {
  let [rowMin, rowMax, colMin, colMax, count] = [size, -1, size, -1, 0];
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if ((pixels[row * size + col] as number) <= LIT) continue;
      count++;
      rowMin = Math.min(rowMin, row);
      rowMax = Math.max(rowMax, row);
      colMin = Math.min(colMin, col);
      colMax = Math.max(colMax, col);
    }
  }
  return { width: colMax - colMin + 1, height: rowMax - rowMin + 1, count };
}

const extent = (factors: Factors, size: ImageSize = 32): ReturnType<typeof litExtent> =>
  litExtent(renderCylinder(factors, size), size);

describe('renderCylinder', () => {
  it('is deterministic and has imageSize² pixels in [0,1]', () => {
    const a = renderCylinder({ height: 0.3, radius: 0.7 });
    const b = renderCylinder({ height: 0.3, radius: 0.7 }, 32);
    expect(a).toHaveLength(32 * 32);
    expect(Array.from(a)).toEqual(Array.from(b));
    for (const v of a) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('draws a bright object on a dark background, corners dark even for the largest cylinder', () => {
    for (const size of [32, 64] as const) {
      const pixels = renderCylinder({ height: 1, radius: 1 }, size);
      for (const corner of [0, size - 1, size * (size - 1), size * size - 1]) {
        expect(pixels[corner]).toBeLessThan(0.05);
      }
      expect(Math.max(...pixels)).toBeGreaterThan(0.8);
    }
  });

  it('keeps the largest cylinder inside the frame (a dark border all round)', () => {
    const size = 32;
    const pixels = renderCylinder({ height: 1, radius: 1 }, size);
    for (let i = 0; i < size; i++) {
      for (const index of [i, (size - 1) * size + i, i * size, i * size + size - 1]) {
        expect(pixels[index]).toBeLessThan(LIT);
      }
    }
  });

  it('grows taller with height and wider with radius', () => {
    const heights = [0, 0.25, 0.5, 0.75, 1].map((height) => extent({ height, radius: 0.5 }));
    const radii = [0, 0.25, 0.5, 0.75, 1].map((radius) => extent({ height: 0.5, radius }));
    for (let i = 1; i < heights.length; i++) {
      expect(heights[i]!.height).toBeGreaterThan(heights[i - 1]!.height);
      expect(heights[i]!.width).toBe(heights[0]!.width);
      expect(radii[i]!.width).toBeGreaterThan(radii[i - 1]!.width);
    }
    expect(heights[4]!.height - heights[0]!.height).toBeGreaterThanOrEqual(14);
    expect(radii[4]!.width - radii[0]!.width).toBeGreaterThanOrEqual(16);
  });

  it('still shows the smallest cylinder clearly', () => {
    const smallest = extent({ height: 0, radius: 0 });
    expect(smallest.count).toBeGreaterThanOrEqual(30);
    expect(smallest.width).toBeGreaterThanOrEqual(6);
    expect(smallest.height).toBeGreaterThanOrEqual(6);
  });

  it('has a top cap brighter than the body below it', () => {
    const size = 32;
    const pixels = renderCylinder({ height: 1, radius: 1 }, size);
    const column = size / 2;
    const values = Array.from({ length: size }, (_, row) => pixels[row * size + column] as number);
    const firstLit = values.findIndex((v) => v > LIT);
    const lastLit = size - 1 - [...values].reverse().findIndex((v) => v > LIT);
    const capLevel = values[firstLit + 2] as number;
    const bodyLevel = values[Math.round((firstLit + lastLit) / 2)] as number;
    expect(capLevel).toBeGreaterThan(bodyLevel + 0.1);
  });

  it('shades the body across its width so it reads as round', () => {
    const size = 32;
    const pixels = renderCylinder({ height: 1, radius: 1 }, size);
    const row = size / 2;
    const lit = Array.from({ length: size }, (_, col) => pixels[row * size + col] as number).filter(
      (v) => v > LIT,
    );
    expect(Math.max(...lit) - Math.min(...lit)).toBeGreaterThan(0.3);
  });

  it('looks the same at 64 px as at 32 px (same proportions)', () => {
    const factors = { height: 0.6, radius: 0.4 };
    const small = extent(factors, 32);
    const large = extent(factors, 64);
    expect(renderCylinder(factors, 64)).toHaveLength(64 * 64);
    expect(Math.abs(large.height / 2 - small.height)).toBeLessThanOrEqual(1);
    expect(Math.abs(large.width / 2 - small.width)).toBeLessThanOrEqual(1);
  });

  it('writes into a given buffer and returns it', () => {
    const out = new Float32Array(32 * 32).fill(7);
    const result = renderCylinder({ height: 0.5, radius: 0.5 }, 32, out);
    expect(result).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(renderCylinder({ height: 0.5, radius: 0.5 })));
  });

  it('rejects bad arguments with clear messages', () => {
    expect(() => renderCylinder({ height: NaN, radius: 0.5 })).toThrow(
      'height must be a finite number in [0,1], got NaN',
    );
    expect(() => renderCylinder({ height: 0.5, radius: 1.5 })).toThrow(
      'radius must be a finite number in [0,1], got 1.5',
    );
    expect(() => renderCylinder({ height: -0.1, radius: 0.5 })).toThrow(/height .* got -0.1/);
    expect(() => renderCylinder({ height: 0.5, radius: Infinity })).toThrow(/radius .* got Infinity/);
    expect(() => renderCylinder({ height: 0.5, radius: 0.5 }, 48 as ImageSize)).toThrow(
      'imageSize must be one of 32, 64, got 48',
    );
    expect(() => renderCylinder({ height: 0.5, radius: 0.5 }, 32, new Float32Array(10))).toThrow(
      /out must be a Float32Array of length 1024/,
    );
    expect(() => validateFactors({ height: '0.5', radius: 0.5 } as unknown as Factors)).toThrow(
      'height must be a finite number in [0,1], got "0.5"',
    );
    expect(() => validateFactors(null as unknown as Factors)).toThrow(/factors must be an object/);
  });
});
