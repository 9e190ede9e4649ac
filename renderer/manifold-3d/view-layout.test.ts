import { describe, expect, it } from 'vitest';
import { fitDistance, insetLayout } from './view-layout';

describe('insetLayout', () => {
  it('keeps the inset between its limits and shifts the view only on wide canvases', () => {
    expect(insetLayout(700, 440)).toEqual({ size: 112, margin: 10, caption: 34, shift: 122 });
    const narrow = insetLayout(300, 260);
    expect(narrow.size).toBe(84);
    expect(narrow.shift).toBe(0);
  });
});

describe('fitDistance', () => {
  it('sees a sphere whole through the narrower of the two fields of view', () => {
    // Vertical fov 90°: half-angle 45°, so a unit sphere needs distance 1 / sin 45° = √2.
    expect(fitDistance(1, 90, 1)).toBeCloseTo(Math.SQRT2, 9);
    // A tall view (aspect 0.5) is limited horizontally: half-angle atan(0.5).
    expect(fitDistance(1, 90, 0.5)).toBeCloseTo(1 / Math.sin(Math.atan(0.5)), 9);
    expect(fitDistance(1, 90, 2)).toBeCloseTo(Math.SQRT2, 9);
  });
});
