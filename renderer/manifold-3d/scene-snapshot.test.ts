import { describe, expect, it } from 'vitest';
import { EXPORT_MAX_PX, exportSize } from './scene-snapshot';

describe('exportSize', () => {
  it('scales the canvas’ CSS size (rounded to whole px)', () => {
    expect(exportSize(320, 300, 2)).toEqual({ width: 640, height: 600, refused: null });
    expect(exportSize(319.6, 300.2, 4)).toEqual({ width: 1280, height: 1200, refused: null });
  });

  it(`refuses more than ${EXPORT_MAX_PX} px a side, saying how large it would be`, () => {
    expect(exportSize(1024, 300, 4).refused).toBeNull();
    expect(exportSize(1200, 300, 4).refused).toBe(
      `A 4× PNG would be 4800 × 1200 px; the most is ${EXPORT_MAX_PX} px a side.`,
    );
    expect(exportSize(300, 2049, 2).refused).toMatch(/600 × 4098 px/);
  });

  it('refuses a canvas with no size, and a scale that is no scale', () => {
    expect(exportSize(0, 300, 2).refused).toBe('The 3-D view has no size to export.');
    expect(exportSize(300, 300, Number.NaN).refused).not.toBeNull();
    expect(exportSize(300, 300, -2).refused).not.toBeNull();
  });
});
