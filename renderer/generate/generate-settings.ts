/**
 * Checks of what the user sets in the Generate panel, before anything is fitted or drawn: a
 * message to show (worded by `t`), or null when the value is fine. A refused value leaves the
 * previous one (and the previous fit) in place.
 */
import { DENSITY_LIMITS, type FamilyId, type FamilySettings } from '../../shared/density/types';
import type { MessageId } from '../../shared/i18n/catalogs';
import type { Translate } from '../../shared/i18n/translate';

function rangeProblem(
  t: Translate,
  name: MessageId,
  value: number,
  [min, max]: readonly [number, number],
  whole: boolean,
) {
  if (!Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
    return t('generate.problem.range', {
      name: t(name),
      whole: whole ? 'yes' : 'no',
      min: String(min),
      max: String(max),
      value: String(value),
    });
  }
  return null;
}

/** @example settingsProblem(t, { k: 9, bandwidthFactor: 1, seed: 1 }) // 'Components k must be a whole number from 1 to 8 (got 9).' */
export function settingsProblem(t: Translate, s: FamilySettings): string | null {
  return (
    rangeProblem(t, 'generate.k', s.k, DENSITY_LIMITS.k, true) ??
    rangeProblem(t, 'generate.bandwidth', s.bandwidthFactor, DENSITY_LIMITS.bandwidthFactor, false) ??
    (Number.isFinite(s.seed) ? null : t('generate.problem.seed'))
  );
}

/** Why `family` cannot be chosen for this model, or null. */
export function familyProblem(t: Translate, family: FamilyId, isVae: boolean): string | null {
  return family === 'prior' && !isVae ? t('generate.problem.prior') : null;
}

/** @example sampleCountProblem(t, 8) // 'Number of samples N must be a whole number from 16 to 1024 (got 8).' */
export function sampleCountProblem(t: Translate, n: number): string | null {
  return rangeProblem(t, 'generate.sampleCount', n, DENSITY_LIMITS.sampleCount, true);
}

export function temperatureProblem(t: Translate, v: number): string | null {
  return rangeProblem(t, 'generate.temperature', v, DENSITY_LIMITS.temperature, false);
}
