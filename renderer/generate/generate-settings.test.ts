import { describe, expect, it } from 'vitest';
import { familyProblem, sampleCountProblem, settingsProblem, temperatureProblem } from './generate-settings';

describe('generate settings checks', () => {
  it('accepts settings in range and names the one out of range', () => {
    expect(settingsProblem({ k: 8, bandwidthFactor: 0.25, seed: 3 })).toBeNull();
    expect(settingsProblem({ k: 0, bandwidthFactor: 1, seed: 1 })).toContain('Components k');
    expect(settingsProblem({ k: 2.5, bandwidthFactor: 1, seed: 1 })).toContain('whole number');
    expect(settingsProblem({ k: 2, bandwidthFactor: 4.5, seed: 1 })).toContain('Bandwidth factor');
    expect(settingsProblem({ k: 2, bandwidthFactor: 1, seed: NaN })).toContain('seed');
  });

  it('bounds N and the temperature', () => {
    expect(sampleCountProblem(16)).toBeNull();
    expect(sampleCountProblem(1024)).toBeNull();
    expect(sampleCountProblem(1025)).toContain('from 16 to 1024');
    expect(sampleCountProblem(20.5)).toContain('whole number');
    expect(temperatureProblem(1)).toBeNull();
    expect(temperatureProblem(Infinity)).toContain('Temperature');
  });

  it('refuses the VAE prior on a plain autoencoder only', () => {
    expect(familyProblem('prior', false)).toContain('only for a VAE');
    expect(familyProblem('prior', true)).toBeNull();
    expect(familyProblem('kde', false)).toBeNull();
  });
});
