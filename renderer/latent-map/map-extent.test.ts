import { describe, expect, it } from 'vitest';
import { fitBoundsOfCodes, sheetFitsView } from './map-extent';

const box = (x0: number, y0: number, x1: number, y1: number) => ({
  min: [x0, y0] as [number, number],
  max: [x1, y1] as [number, number],
});

describe('fitBoundsOfCodes', () => {
  it('fits the bulk of the codes, leaving out a far outlier', () => {
    const codes: number[] = [];
    for (let i = 0; i < 200; i++) codes.push((i % 20) - 10, Math.floor(i / 20) - 5);
    codes.push(1000, 0);
    const b = fitBoundsOfCodes(Float32Array.from(codes));
    expect(b.max[0]).toBeLessThan(20);
    expect(b.min[1]).toBe(-5);
  });

  it('spans every code on an axis where nearly all codes sit on one value (early in training)', () => {
    // 99 % of the codes at (0, 0), the rest spread to ±15: the percentiles say "a point".
    const codes: number[] = [];
    for (let i = 0; i < 990; i++) codes.push(0, 0);
    for (let i = 0; i < 10; i++) codes.push(-15 + 3 * i, 15 - 3 * i);
    const b = fitBoundsOfCodes(Float32Array.from(codes));
    expect(b.min[0]).toBe(-15);
    expect(b.max[0]).toBe(12);
    expect(b.max[1]).toBe(15);
  });
});

describe('sheetFitsView', () => {
  it('keeps a sheet that covers the view, or most of it (a zoom or a pan in progress)', () => {
    expect(sheetFitsView(box(-20, -20, 20, 20), box(-10, -10, 10, 10))).toBe(true);
    expect(sheetFitsView(box(-10, -10, 10, 10), box(-12, -12, 12, 12))).toBe(true);
    expect(sheetFitsView(box(-10, -10, 10, 10), box(-5, -10, 15, 10))).toBe(true);
  });

  it('drops a sheet that is a small patch of the view (made before the view refitted)', () => {
    // The grid of the first epoch (codes within ±0.5) under the view of the second (±15).
    expect(sheetFitsView(box(-0.5, -0.5, 0.5, 0.5), box(-15, -15, 15, 15))).toBe(false);
    expect(sheetFitsView(box(20, 20, 40, 40), box(-10, -10, 10, 10))).toBe(false);
  });
});
