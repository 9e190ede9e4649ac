import { describe, expect, it } from 'vitest';
import { EPS_DRAWS, epsDraws, posteriorRadii } from './draw-latent-map';

describe("a VAE code's posterior ellipse", () => {
  it('has radii exp(½·logVar) per latent dimension, for the point asked', () => {
    const logVar = Float32Array.of(0, Math.log(4), Math.log(0.25), -2);
    const [r1, r2] = posteriorRadii(logVar, 0)!;
    expect(r1).toBe(1);
    expect(r2).toBeCloseTo(2, 6);
    const [a, b] = posteriorRadii(logVar, 1)!;
    expect(a).toBeCloseTo(0.5, 6);
    expect(b).toBeCloseTo(Math.exp(-1), 6);
  });

  it('is absent without log-variances (an autoencoder), past the points, or for a non-finite value', () => {
    expect(posteriorRadii(null, 0)).toBeNull();
    expect(posteriorRadii(Float32Array.of(0, 0), 1)).toBeNull();
    expect(posteriorRadii(Float32Array.of(Infinity, 0), 0)).toBeNull();
  });
});

describe('ε draws from the hovered posterior', () => {
  it('are z = μ + σ·ε: the same for a draw number, fresh for the next, spread as σ', () => {
    const a = epsDraws([1, -2], [0.5, 2], 7, 3, 4000);
    expect(Array.from(epsDraws([1, -2], [0.5, 2], 7, 3, 4000))).toEqual(Array.from(a));
    expect(Array.from(epsDraws([1, -2], [0.5, 2], 7, 4, 4000))).not.toEqual(Array.from(a));
    const mean = (k: number) => a.filter((_, i) => i % 2 === k).reduce((s, v) => s + v, 0) / 4000;
    const sd = (k: number, m: number) =>
      Math.sqrt(a.filter((_, i) => i % 2 === k).reduce((s, v) => s + (v - m) ** 2, 0) / 4000);
    expect(mean(0)).toBeCloseTo(1, 1);
    expect(mean(1)).toBeCloseTo(-2, 1);
    expect(Math.abs(sd(0, mean(0)) / 0.5 - 1)).toBeLessThan(0.06);
    expect(Math.abs(sd(1, mean(1)) / 2 - 1)).toBeLessThan(0.06);
    expect(epsDraws([0, 0], [1, 1], 0, 0)).toHaveLength(2 * EPS_DRAWS);
  });
});
