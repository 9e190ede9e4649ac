import { describe, expect, it } from 'vitest';
import { edgeMarker } from './edge-marker';
import type { Viewport } from './viewport';

const vp = { width: 400, height: 300 } as Viewport;

describe('edgeMarker', () => {
  it('is absent while z is on the map', () => {
    expect(edgeMarker(vp, { x: 10, y: 290 })).toBeNull();
  });

  it('sits inside the right border and points right when z is far to the right', () => {
    const m = edgeMarker(vp, { x: 2000, y: 150 });
    expect(m).not.toBeNull();
    expect(m!.x).toBeCloseTo(388);
    expect(m!.y).toBeCloseTo(150);
    expect(m!.angle).toBeCloseTo(0);
  });

  it('points up from the top border when z is above the map', () => {
    const m = edgeMarker(vp, { x: 200, y: -500 })!;
    expect(m.y).toBeCloseTo(12);
    expect(m.x).toBeCloseTo(200);
    expect(m.angle).toBeCloseTo(-Math.PI / 2);
  });

  it('stays within the map for a diagonal direction', () => {
    const m = edgeMarker(vp, { x: -900, y: 900 })!;
    expect(m.x).toBeGreaterThanOrEqual(12 - 1e-9);
    expect(m.y).toBeLessThanOrEqual(288 + 1e-9);
    expect(m.x <= 12 + 1e-9 || m.y >= 288 - 1e-9).toBe(true);
  });
});
