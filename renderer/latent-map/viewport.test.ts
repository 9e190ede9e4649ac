import { describe, expect, it } from 'vitest';
import {
  boundsOfCodes,
  expandBounds,
  fitBounds,
  latentToScreen,
  panBy,
  screenToLatent,
  visibleBounds,
  visibleSquare,
  robustBounds,
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

describe('bounds helpers', () => {
  it('finds the bounds of interleaved codes, ignoring non-finite ones', () => {
    expect(boundsOfCodes(Float32Array.from([1, 2, -1, 5, 3, NaN, 0, 0]))).toEqual({
      min: [-1, 0],
      max: [1, 5],
    });
    expect(boundsOfCodes(new Float32Array())).toEqual({ min: [-1, -1], max: [1, 1] });
  });

  it('expands by a fraction of the span', () => {
    expect(expandBounds({ min: [0, 10], max: [10, 12] }, 0.1)).toEqual({ min: [-1, 9.8], max: [11, 12.2] });
  });
});

describe('robustBounds', () => {
  it('ignores a few outliers', () => {
    const codes: number[] = [];
    for (let i = 0; i <= 100; i++) codes.push(i / 100, -i / 100);
    codes.push(50, -50);
    const b = robustBounds(Float32Array.from(codes), 0.01);
    expect(b.max[0]).toBeLessThanOrEqual(1);
    expect(b.min[1]).toBeGreaterThanOrEqual(-1);
    expect(b.min[0]).toBeCloseTo(0.01, 5);
  });

  it('uses the plain bounds for small sets', () => {
    expect(robustBounds(Float32Array.from([0, 0, 9, 9]))).toEqual({ min: [0, 0], max: [9, 9] });
  });
});
