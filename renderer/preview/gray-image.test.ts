import { describe, expect, it } from 'vitest';
import { grayToRgba, sheetRgba } from './gray-image';

describe('grayToRgba', () => {
  it('writes opaque gray pixels of the chosen image', () => {
    const images = Float32Array.from([0, 0, 0, 0, 1, 0.5, 0, 0.2]);
    expect(Array.from(grayToRgba(images, 2, 1))).toEqual([
      255, 255, 255, 255, 128, 128, 128, 255, 0, 0, 0, 255, 51, 51, 51, 255,
    ]);
  });
});

describe('sheetRgba', () => {
  it('places image row·perSide+col at that tile', () => {
    // Four 1×1 images in a 2×2 sheet: values 0.0, 0.2, 0.4, 0.6.
    const rgba = sheetRgba(Float32Array.from([0, 0.2, 0.4, 0.6]), 2, 1);
    const gray = [0, 1, 2, 3].map((p) => rgba[4 * p]);
    expect(gray).toEqual([0, 51, 102, 153]);
  });

  it('lays out multi-pixel tiles row by row', () => {
    // Two 2×2 images side by side: image 0 all 0, image 1 all 1 → each sheet row is [0,0,255,255].
    const rgba = sheetRgba(Float32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]), 2, 2);
    const row0 = [0, 1, 2, 3].map((x) => rgba[4 * x]);
    expect(row0).toEqual([0, 0, 255, 255]);
  });
});
