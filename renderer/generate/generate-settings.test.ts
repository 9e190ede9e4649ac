import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n/translate';
import { familyProblem, sampleCountProblem, settingsProblem, temperatureProblem } from './generate-settings';

const t = translator('en');

describe('generate settings checks', () => {
  it('accepts settings in range and names the one out of range', () => {
    expect(settingsProblem(t, { k: 8, bandwidthFactor: 0.25, seed: 3 })).toBeNull();
    expect(settingsProblem(t, { k: 0, bandwidthFactor: 1, seed: 1 })).toContain('Components k');
    expect(settingsProblem(t, { k: 2.5, bandwidthFactor: 1, seed: 1 })).toContain('whole number');
    expect(settingsProblem(t, { k: 2, bandwidthFactor: 4.5, seed: 1 })).toContain('Bandwidth factor');
    expect(settingsProblem(t, { k: 2, bandwidthFactor: 1, seed: NaN })).toContain('seed');
  });

  it('bounds N and the temperature', () => {
    expect(sampleCountProblem(t, 16)).toBeNull();
    expect(sampleCountProblem(t, 1024)).toBeNull();
    expect(sampleCountProblem(t, 1025)).toBe(
      'Number of samples N must be a whole number from 16 to 1024 (got 1025).',
    );
    expect(sampleCountProblem(t, 20.5)).toContain('whole number');
    expect(temperatureProblem(t, 1)).toBeNull();
    expect(temperatureProblem(t, Infinity)).toBe('Temperature must be from 0.1 to 3 (got Infinity).');
  });

  it('refuses the VAE prior on a plain autoencoder only', () => {
    expect(familyProblem(t, 'prior', false)).toContain('only for a VAE');
    expect(familyProblem(t, 'prior', true)).toBeNull();
    expect(familyProblem(t, 'kde', false)).toBeNull();
  });

  it('words the same refusal in Chinese', () => {
    expect(sampleCountProblem(translator('zh-CN'), 8)).toBe(
      '样本数 N：必须是 16 到 1024 之间的整数（收到 8）。',
    );
  });
});
