import { describe, expect, it } from 'vitest';
import { describeParams, familyLabel } from './describe';
import { fitDensity } from './fit';
import { gaussianCodes } from './test-fixtures';
import { DEFAULT_FAMILY_SETTINGS, FAMILIES } from './types';

describe('familyLabel', () => {
  it('names every family as the UI shows it', () => {
    expect(FAMILIES.map(familyLabel)).toEqual([
      'Uniform box',
      'Gaussian',
      'Gaussian mixture',
      'Kernel density',
      'VAE prior N(0, I)',
      'The mean code',
    ]);
  });
});

describe('describeParams', () => {
  it('writes θ to 3 significant digits', () => {
    expect(describeParams({ family: 'box', min: [-1.23456, 0], max: [2, 0.5] })).toBe(
      'box [-1.23, 2] x [0, 0.5]',
    );
    expect(describeParams({ family: 'gaussian', mean: [0.1, 0.2], cov: [1, 0.25, 2], ridge: 0 })).toBe(
      'mean (0.1, 0.2), cov [1, 0.25; 0.25, 2]',
    );
    expect(describeParams({ family: 'gaussian', mean: [0, 0], cov: [1, 1, 1], ridge: 2e-6 })).toMatch(
      /ridge 0.000002$/,
    );
    expect(describeParams({ family: 'kde', bandwidth: [0.1, 0.2], factor: 0.5, points: 300 })).toBe(
      'bandwidth (0.1, 0.2) = Scott x 0.5, 300 points',
    );
    expect(describeParams({ family: 'mean', point: [1, -2] })).toBe('z = (1, -2)');
  });

  it('is one line of printable ASCII for every fitted family (safe in PNG tEXt and CSV)', () => {
    for (const family of FAMILIES) {
      const text = describeParams(
        fitDensity(family, gaussianCodes(100, 81), DEFAULT_FAMILY_SETTINGS, { isVae: true }).params,
      );
      expect(text).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
