import { describe, expect, it } from 'vitest';
import { describeParams, familyLabel, fitDensity } from '../../shared/density';
import { FAMILIES, type FamilyParams } from '../../shared/density/types';
import { translator } from '../../shared/i18n/translate';
import { familyName, noteText, thetaText } from './density-words';

const en = translator('en');
const zh = translator('zh-CN');

const PARAMS: FamilyParams[] = [
  { family: 'box', min: [-1, 0], max: [2, 0.5] },
  { family: 'gaussian', mean: [0.123456, -2], cov: [1, 0.5, 2], ridge: 0 },
  { family: 'gaussian', mean: [0, 0], cov: [1, 0, 1], ridge: 1e-6 },
  {
    family: 'gmm',
    weights: [0.25, 0.75],
    means: [
      [0, 1],
      [2, 3],
    ],
    covs: [
      [1, 0, 1],
      [1, 0, 1],
    ],
    iterations: 12,
    converged: true,
    logLikTrace: [],
  },
  {
    ...{ family: 'gmm' as const, weights: [1], means: [[0, 0]], covs: [[1, 0, 1]] },
    iterations: 200,
    converged: false,
    logLikTrace: [],
  },
  { family: 'kde', bandwidth: [0.1, 0.2], factor: 1.5, points: 2000 },
  { family: 'prior' },
  { family: 'mean', point: [0.5, -0.25] },
];

describe('density words', () => {
  it('word θ in English exactly as describeParams (the PNG and CSV keep that one)', () => {
    for (const p of PARAMS) expect(thetaText(en, p)).toBe(describeParams(p));
  });

  it('word θ in Chinese with the same numbers', () => {
    expect(thetaText(zh, PARAMS[0]!)).toBe('方框 [-1, 2] × [0, 0.5]');
    expect(thetaText(zh, PARAMS[4]!)).toContain('未收敛');
  });

  it('name each family as familyLabel does in English', () => {
    for (const f of FAMILIES) expect(familyName(en, f)).toBe(familyLabel(f));
  });

  it("word the density library's notes, and pass an unknown note through", () => {
    const flat = Float32Array.from([0, 1, 1, 1, 2, 1, 3, 1]); // every code has z₂ = 1
    const notes = [
      ...fitDensity('box', flat, { k: 1, bandwidthFactor: 1, seed: 1 }, { isVae: false }).notes,
      ...fitDensity('kde', flat, { k: 1, bandwidthFactor: 1, seed: 1 }, { isVae: false }).notes,
      ...fitDensity('gaussian', flat, { k: 1, bandwidthFactor: 1, seed: 1 }, { isVae: false }).notes,
      ...fitDensity('gmm', flat, { k: 2, bandwidthFactor: 1, seed: 1 }, { isVae: false }).notes,
      ...fitDensity('mean', flat, { k: 1, bandwidthFactor: 1, seed: 1 }, { isVae: false }).notes,
      'EM stopped at the cap of 200 iterations before converging.',
      'A component collapsed onto a line or point: a small covariance floor was added.',
    ];
    expect(notes.length).toBeGreaterThanOrEqual(7);
    for (const note of notes) {
      expect(noteText(en, note)).toBe(note);
      expect(noteText(zh, note), note).not.toMatch(/[A-Za-z]{3,}/);
    }
    expect(noteText(zh, 'Something new.')).toBe('Something new.');
  });
});
