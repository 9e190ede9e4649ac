/**
 * Checks of what the user sets in the Generate panel, before anything is fitted or drawn: a
 * message to show, or null when the value is fine. A refused value leaves the previous one (and
 * the previous fit) in place.
 */
import { DENSITY_LIMITS, type FamilyId, type FamilySettings } from '../../shared/density/types';

function rangeProblem(name: string, value: number, [min, max]: readonly [number, number], whole: boolean) {
  if (!Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
    return `${name} must be ${whole ? 'a whole number ' : ''}from ${min} to ${max} (got ${String(value)}).`;
  }
  return null;
}

/** @example settingsProblem({ k: 9, bandwidthFactor: 1, seed: 1 }) // 'Components k must be a whole number from 1 to 8 (got 9).' */
export function settingsProblem(s: FamilySettings): string | null {
  return (
    rangeProblem('Components k', s.k, DENSITY_LIMITS.k, true) ??
    rangeProblem('Bandwidth factor', s.bandwidthFactor, DENSITY_LIMITS.bandwidthFactor, false) ??
    (Number.isFinite(s.seed) ? null : 'The fit seed must be a number.')
  );
}

/** Why `family` cannot be chosen for this model, or null. */
export function familyProblem(family: FamilyId, isVae: boolean): string | null {
  return family === 'prior' && !isVae
    ? 'The VAE prior N(0, I) exists only for a VAE: a plain autoencoder has no prior to sample.'
    : null;
}

/** @example sampleCountProblem(8) // 'Number of samples N must be a whole number from 16 to 1024 (got 8).' */
export function sampleCountProblem(n: number): string | null {
  return rangeProblem('Number of samples N', n, DENSITY_LIMITS.sampleCount, true);
}

export function temperatureProblem(t: number): string | null {
  return rangeProblem('Temperature', t, DENSITY_LIMITS.temperature, false);
}
