import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { fitBox } from './box';
import { meanDensity, priorDensity } from './fixed';
import { fitGaussian } from './gaussian';
import { hdrLevels } from './hdr';
import { gaussianCodes } from './test-fixtures';
import type { Cov2 } from './types';

const MASSES = [0.5, 0.9, 0.99];

describe('hdrLevels', () => {
  it('for a Gaussian, match the closed form: log p at Mahalanobis radius² = −2 ln(1 − mass)', () => {
    const d = fitGaussian(gaussianCodes(500, 61));
    const [s11, s12, s22] = (d.params as { cov: Cov2 }).cov;
    const logPeak = -Math.log(2 * Math.PI * Math.sqrt(s11 * s22 - s12 * s12));
    const got = hdrLevels(d, MASSES, createRng(3), 16384);
    MASSES.forEach((m, i) => {
      const want = logPeak + Math.log(1 - m); // −½ · (−2 ln(1 − m))
      // The (1 − m) quantile of 16,384 draws: off by about √(m(1 − m)/N)/(1 − m) in log p,
      // 0.008 at 50 % and 0.08 at 99 %; allow three times that.
      const tol = (3 * Math.sqrt((m * (1 - m)) / 16384)) / (1 - m);
      expect(Math.abs((got[i] as number) - want)).toBeLessThan(tol);
    });
    expect(got[0]).toBeGreaterThan(got[1] as number);
  });

  it('for the prior, likewise around N(0, I)', () => {
    const [l50] = hdrLevels(priorDensity(), [0.5], createRng(4), 16384);
    expect(Math.abs((l50 as number) - (-Math.log(2 * Math.PI) + Math.log(0.5)))).toBeLessThan(0.03);
  });

  it('a uniform box has one level, −log(area), for every mass', () => {
    const d = fitBox(new Float32Array([0, 0, 2, 0, 0, 4]));
    expect(hdrLevels(d, MASSES, createRng(1))).toEqual([-Math.log(8), -Math.log(8), -Math.log(8)]);
  });

  it('the mean code, not a generative model, has none', () => {
    expect(hdrLevels(meanDensity(gaussianCodes(10, 1)), MASSES, createRng(1))).toEqual([]);
  });
});
