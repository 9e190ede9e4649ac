import { describe, expect, it } from 'vitest';
import { viridis, viridisGradientCss } from './colormap';

describe('viridis', () => {
  it('matches the reference endpoints and midpoint', () => {
    const close = (a: number[], b: number[]) =>
      a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThanOrEqual(3));
    close(viridis(0), [68, 1, 84]);
    close(viridis(0.5), [33, 145, 140]);
    close(viridis(1), [253, 231, 37]);
  });

  it('grows in lightness and clamps out-of-range input', () => {
    const luma = (t: number) => {
      const [r, g, b] = viridis(t);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (let t = 0; t < 1; t += 0.05) expect(luma(t + 0.05)).toBeGreaterThan(luma(t));
    expect(viridis(-1)).toEqual(viridis(0));
    expect(viridis(NaN)).toEqual(viridis(0));
  });

  it('makes a CSS gradient for legends', () => {
    expect(viridisGradientCss(3)).toMatch(/^linear-gradient\(to right, rgb\(.+\) 0%, .+ 50%, .+ 100%\)$/);
  });
});
