import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng, gridSheet, readTextChunks, resizeBicubic } from './png';

describe('encodePng', () => {
  it('writes a valid grayscale PNG whose tEXt chunks read back (pngjs verifies every CRC)', () => {
    const pixels = new Float32Array(16).map((_, i) => i / 15);
    const png = encodePng(
      { width: 4, height: 4, pixels },
      { Software: 'Latent Atlas 1.0', model: 'Discovered alone (λ = 0)' },
    );
    const decoded = PNG.sync.read(Buffer.from(png), { checkCRC: true } as never);
    expect([decoded.width, decoded.height]).toEqual([4, 4]);
    expect(decoded.data[0]).toBe(0);
    expect(decoded.data[15 * 4]).toBe(255);
    expect(readTextChunks(png)).toEqual({
      Software: 'Latent Atlas 1.0',
      model: 'Discovered alone (lambda = 0)',
    });
  });

  it('uses the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });
});

describe('resizeBicubic', () => {
  it('keeps a flat image flat and values in [0,1], and interpolates smoothly between pixels', () => {
    expect(
      Array.from(new Set(resizeBicubic(new Float32Array(4).fill(0.3), 2, 64)).values()).map((v) =>
        v.toFixed(5),
      ),
    ).toEqual(['0.30000']);
    const edge = resizeBicubic(new Float32Array([0, 1, 0, 1]), 2, 8);
    expect(Math.min(...edge)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...edge)).toBeLessThanOrEqual(1);
    const row = Array.from(edge.subarray(0, 8));
    for (let i = 1; i < 8; i++) expect(row[i]!).toBeGreaterThanOrEqual(row[i - 1]!);
    expect(new Set(row).size).toBeGreaterThan(4); // smooth, not nearest-neighbour steps
  });
});

describe('gridSheet', () => {
  it('places tiles row-major with gaps', () => {
    const images = new Float32Array([
      ...new Array(4).fill(0),
      ...new Array(4).fill(0.5),
      ...new Array(4).fill(1),
      ...new Array(4).fill(0.25),
    ]);
    const sheet = gridSheet(images, 2, 2, 16);
    expect(sheet.width).toBe(2 * 16 + 2);
    expect(sheet.pixels[0]).toBeCloseTo(0);
    expect(sheet.pixels[sheet.width - 1]).toBeCloseTo(0.5);
    expect(sheet.pixels[(sheet.height - 1) * sheet.width]).toBeCloseTo(1);
    expect(sheet.pixels[16]).toBe(1); // gap
  });
});
