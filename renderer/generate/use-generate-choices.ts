import { useCallback, useState } from 'react';
import {
  DEFAULT_FAMILY_SETTINGS,
  DEFAULT_SAMPLE_COUNT,
  DEFAULT_TEMPERATURE,
  type FamilyId,
  type FamilySettings,
  type Point2,
} from '../../shared/density/types';
import { t } from '../i18n/current';
import type { Box, DensitySpec } from './generate-compute';
import { familyProblem, sampleCountProblem, settingsProblem, temperatureProblem } from './generate-settings';

/**
 * What the user has chosen in the Generate tab (family, settings, the dragged box, N, temperature,
 * sample seed), each setter checking its value first: a refused value sets `refusal` and leaves the
 * previous one.
 */
export function useGenerateChoices(isVae: boolean) {
  const [family, setFamilyState] = useState<FamilyId>('box');
  const [settings, setSettingsState] = useState<FamilySettings>(DEFAULT_FAMILY_SETTINGS);
  /** The box family's dragged box; null is its maximum-likelihood box. */
  const [box, setBoxState] = useState<Box | null>(null);
  const [n, setNState] = useState(DEFAULT_SAMPLE_COUNT);
  const [temperature, setTemperatureState] = useState(DEFAULT_TEMPERATURE);
  const [seed, setSeed] = useState(1);
  const [refusal, setRefusal] = useState<string | null>(null);

  const refuse = (problem: string | null): boolean => {
    setRefusal(problem);
    return problem !== null;
  };
  // Stable: the map calls it at every drag step.
  const setBox = useCallback((min: Point2, max: Point2) => {
    const ok = [0, 1].every((a) => Number.isFinite(min[a]) && Number.isFinite(max[a]) && min[a]! < max[a]!);
    setRefusal(ok ? null : t('generate.problem.box'));
    if (ok) setBoxState({ min: [min[0], min[1]], max: [max[0], max[1]] });
  }, []);
  const resetBox = useCallback(() => setBoxState(null), []);
  /** Goes back to the spec of the fit on show (after a fit was refused). */
  const restore = useCallback((spec: DensitySpec) => {
    setFamilyState(spec.family);
    setSettingsState(spec.settings);
    if (spec.family === 'box') setBoxState(spec.box);
  }, []);

  return {
    family,
    settings,
    box,
    n,
    temperature,
    seed,
    refusal,
    /** Checks N and the temperature before a draw; false (with a refusal) when one is out of range. */
    canDraw: () => !refuse(sampleCountProblem(t, n) ?? temperatureProblem(t, temperature)),
    setFamily: (f: FamilyId) => {
      if (!refuse(familyProblem(t, f, isVae))) setFamilyState(f);
    },
    setSettings: (patch: Partial<FamilySettings>) => {
      const next = { ...settings, ...patch };
      if (!refuse(settingsProblem(t, next))) setSettingsState(next);
    },
    setN: (v: number) => {
      if (!refuse(sampleCountProblem(t, v))) setNState(v);
    },
    setTemperature: (v: number) => {
      if (!refuse(temperatureProblem(t, v))) setTemperatureState(v);
    },
    setBox,
    resetBox,
    restore,
    /** The next seed ("Sample again"), now shown. */
    nextSeed: () => {
      setSeed(seed + 1);
      return seed + 1;
    },
  };
}
