import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n/translate';
import { EXPORT_MAX_PX, exportSize } from './scene-snapshot';

const en = translator('en');

describe('exportSize', () => {
  it('scales the canvas’ CSS size (rounded to whole px)', () => {
    expect(exportSize(320, 300, 2, en)).toEqual({ width: 640, height: 600, refused: null });
    expect(exportSize(319.6, 300.2, 4, en)).toEqual({ width: 1280, height: 1200, refused: null });
  });

  it(`refuses more than ${EXPORT_MAX_PX} px a side, saying how large it would be`, () => {
    expect(exportSize(1024, 300, 4, en).refused).toBeNull();
    expect(exportSize(1200, 300, 4, en).refused).toBe(
      `A 4× PNG would be 4800 × 1200 px; the most is ${EXPORT_MAX_PX} px a side.`,
    );
    expect(exportSize(300, 2049, 2, en).refused).toMatch(/600 × 4098 px/);
    expect(exportSize(1200, 300, 4, translator('zh-CN')).refused).toBe(
      `4× PNG 将是 4800 × 1200 px；每边最多 ${EXPORT_MAX_PX} px。`,
    );
  });

  it('refuses a canvas with no size, and a scale that is no scale', () => {
    expect(exportSize(0, 300, 2, en).refused).toBe('The 3-D view has no size to export.');
    expect(exportSize(300, 300, Number.NaN, en).refused).not.toBeNull();
    expect(exportSize(300, 300, -2, en).refused).not.toBeNull();
  });
});
