import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { fitDensity } from './fit';
import { gaussianCodes } from './test-fixtures';
import { DEFAULT_FAMILY_SETTINGS, DensityError, FAMILIES, type FamilySettings } from './types';

const codes = gaussianCodes(50, 51);
const ae = { isVae: false };
const vae = { isVae: true };
const settings = (over: Partial<FamilySettings>) => ({ ...DEFAULT_FAMILY_SETTINGS, ...over });

function expectDensityError(f: () => unknown, message: RegExp) {
  expect(f).toThrow(DensityError);
  expect(f).toThrow(message);
}

describe('fitDensity', () => {
  it('fits every family to valid codes and reports it in params', () => {
    for (const family of FAMILIES) {
      expect(fitDensity(family, codes, DEFAULT_FAMILY_SETTINGS, vae).params.family).toBe(family);
    }
  });

  it("refuses 'prior' on a plain autoencoder", () => {
    expectDensityError(() => fitDensity('prior', codes, DEFAULT_FAMILY_SETTINGS, ae), /VAE/);
  });

  it('refuses fewer than 3 codes and non-finite codes', () => {
    expectDensityError(
      () => fitDensity('gaussian', new Float32Array([0, 0, 1, 1]), DEFAULT_FAMILY_SETTINGS, ae),
      /at least 3 codes to fit; got 2/,
    );
    const bad = codes.slice();
    bad[7] = NaN;
    expectDensityError(
      () => fitDensity('box', bad, DEFAULT_FAMILY_SETTINGS, ae),
      /Code 3 is not a finite number/,
    );
  });

  it('refuses k, bandwidth factor and seed out of range, naming the setting and its range', () => {
    expectDensityError(
      () => fitDensity('gmm', codes, settings({ k: 0 }), ae),
      /k must be a whole number from 1 to 8; got 0/,
    );
    expectDensityError(() => fitDensity('gmm', codes, settings({ k: 9 }), ae), /from 1 to 8; got 9/);
    expectDensityError(() => fitDensity('gmm', codes, settings({ k: 2.5 }), ae), /k must be a whole number/);
    expectDensityError(
      () => fitDensity('kde', codes, settings({ bandwidthFactor: 0.1 }), ae),
      /Bandwidth factor must be from 0.25 to 4; got 0.1/,
    );
    expectDensityError(
      () => fitDensity('kde', codes, settings({ bandwidthFactor: 5 }), ae),
      /from 0.25 to 4; got 5/,
    );
    expectDensityError(
      () => fitDensity('gmm', codes, settings({ seed: Infinity }), ae),
      /Seed must be a finite number/,
    );
  });
});

describe('sample arguments', () => {
  const d = fitDensity('gaussian', codes, DEFAULT_FAMILY_SETTINGS, ae);

  it('refuses a temperature outside 0.1–3', () => {
    expectDensityError(() => d.sample(64, createRng(1), 0), /Temperature must be from 0.1 to 3; got 0/);
    expectDensityError(() => d.sample(64, createRng(1), 10), /got 10/);
  });

  it('refuses N outside 16–1024', () => {
    expectDensityError(
      () => d.sample(0, createRng(1), 1),
      /Sample count N must be a whole number from 16 to 1024; got 0/,
    );
    expectDensityError(() => d.sample(5000, createRng(1), 1), /got 5000/);
  });

  it('samples N points at the limits, the same ones for the same seed', () => {
    expect(d.sample(16, createRng(1), 0.1)).toHaveLength(32);
    expect(d.sample(1024, createRng(2), 3)).toEqual(d.sample(1024, createRng(2), 3));
  });
});
