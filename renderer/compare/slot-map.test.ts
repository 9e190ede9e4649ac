import { describe, expect, it } from 'vitest';
import { frameOf, toLatent, toScreen } from './slot-map';

describe('slot-map frames', () => {
  it('frames every code in a square with a margin, equal scale on both axes', () => {
    const f = frameOf(new Float32Array([0, 0, 2, 1, Number.NaN, 5]));
    expect(f.cx).toBe(1);
    expect(f.cy).toBe(0.5);
    expect(f.half).toBeCloseTo(1.08, 12);
    // A unit step on either axis covers the same number of pixels.
    const a = toScreen(f, 200, [0, 0]);
    const b = toScreen(f, 200, [1, 1]);
    expect(b.x - a.x).toBeCloseTo(a.y - b.y, 10);
  });

  it('maps screen to latent and back', () => {
    const f = frameOf(new Float32Array([-3, 4, 1, -2]));
    const p = toScreen(f, 160, [0.25, -1.5]);
    const z = toLatent(f, 160, p.x, p.y);
    expect(z[0]).toBeCloseTo(0.25, 10);
    expect(z[1]).toBeCloseTo(-1.5, 10);
  });

  it('falls back to the unit box without codes', () => {
    expect(frameOf(new Float32Array(0))).toEqual({ cx: 0, cy: 0, half: 1.08 });
  });
});
