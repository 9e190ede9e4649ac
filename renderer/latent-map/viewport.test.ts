import { describe, expect, it } from 'vitest';
import {
  fitBounds,
  latentToScreen,
  panBy,
  screenToLatent,
  visibleBounds,
  visibleSquare,
  zoomAt,
  type Viewport,
} from './viewport';

const vp: Viewport = { centerZ1: 1, centerZ2: -2, scale: 50, width: 400, height: 300 };

describe('latent ↔ screen', () => {
  it('puts the centre in the middle and z₂ upward', () => {
    expect(latentToScreen(vp, { z1: 1, z2: -2 })).toEqual({ x: 200, y: 150 });
    expect(latentToScreen(vp, { z1: 2, z2: -2 })).toEqual({ x: 250, y: 150 });
    expect(latentToScreen(vp, { z1: 1, z2: -1 })).toEqual({ x: 200, y: 100 });
  });

  it('round-trips', () => {
    for (const p of [
      { x: 0, y: 0 },
      { x: 399, y: 17.5 },
      { x: 123.25, y: 300 },
    ]) {
      const back = latentToScreen(vp, screenToLatent(vp, p));
      expect(back.x).toBeCloseTo(p.x, 9);
      expect(back.y).toBeCloseTo(p.y, 9);
    }
  });

  it('reports the visible rectangle and the covering square', () => {
    expect(visibleBounds(vp)).toEqual({ min: [-3, -5], max: [5, 1] });
    expect(visibleSquare(vp)).toEqual({ min: [-3, -6], max: [5, 2] });
  });
});

describe('fitBounds', () => {
  it('shows the bounds whole with the margin on the tighter axis', () => {
    const fitted = fitBounds({ min: [0, 0], max: [4, 2] }, 420, 420, 10);
    expect(fitted.scale).toBeCloseTo(100);
    const tl = latentToScreen(fitted, { z1: 0, z2: 2 });
    const br = latentToScreen(fitted, { z1: 4, z2: 0 });
    expect(tl.x).toBeCloseTo(10);
    expect(br.x).toBeCloseTo(410);
    expect((tl.y + br.y) / 2).toBeCloseTo(210);
  });

  it('survives degenerate bounds', () => {
    const fitted = fitBounds({ min: [3, 3], max: [3, 3] }, 100, 100, 0);
    expect(Number.isFinite(fitted.scale)).toBe(true);
    expect(fitted.centerZ1).toBe(3);
  });
});

describe('zoom and pan', () => {
  it('keeps the latent point under the cursor fixed when zooming', () => {
    const anchor = { x: 80, y: 240 };
    const before = screenToLatent(vp, anchor);
    const zoomed = zoomAt(vp, anchor, 2.5);
    expect(zoomed.scale).toBeCloseTo(125);
    const after = screenToLatent(zoomed, anchor);
    expect(after.z1).toBeCloseTo(before.z1, 9);
    expect(after.z2).toBeCloseTo(before.z2, 9);
  });

  it('moves content with the pointer when panning', () => {
    const p = { z1: 0.5, z2: 0.5 };
    const s0 = latentToScreen(vp, p);
    const s1 = latentToScreen(panBy(vp, 30, -12), p);
    expect(s1.x - s0.x).toBeCloseTo(30);
    expect(s1.y - s0.y).toBeCloseTo(-12);
  });
});
