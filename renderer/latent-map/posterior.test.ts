import { describe, expect, it } from 'vitest';
import { posteriorRadii } from './draw-latent-map';

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
