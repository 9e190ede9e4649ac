import { useMemo, useState } from 'react';
import type { FamilySettings } from '../../shared/density';
import type { ToyPoint } from './toy-brush';
import type { ToyBox } from './toy-box';
import type { ToyFamily } from './toy-model';
import { scoreToy, type ToyScores } from './toy-score';
import type { ShapeId } from './toy-shapes';
import {
  changeSettings,
  chooseFamily,
  chooseShape,
  commitMask,
  drawSamples,
  initialToyState,
  maximumLikelihood,
  moveBox,
  paintMask,
  setPoints,
  setSampling,
  type ToyState,
} from './toy-state';

/** The toy view's state, its figures and the actions the controls call. */
export function useToy() {
  const [state, setState] = useState<ToyState>(initialToyState);
  const scores: ToyScores | null = useMemo(
    () => (state.model ? scoreToy(state.mask, state.samples?.labels ?? [], state.model.covered) : null),
    [state.mask, state.model, state.samples],
  );
  const actions = useMemo(
    () => ({
      chooseShape: (shape: ShapeId) => setState((s) => chooseShape(s, shape)),
      paint: (from: ToyPoint, to: ToyPoint, radius: number, value: 0 | 1) =>
        setState((s) => paintMask(s, from, to, radius, value)),
      commitMask: () => setState(commitMask),
      setPoints: (count: number, seed: number) => setState((s) => setPoints(s, count, seed)),
      chooseFamily: (family: ToyFamily) => setState((s) => chooseFamily(s, family)),
      changeSettings: (patch: Partial<FamilySettings>) => setState((s) => changeSettings(s, patch)),
      moveBox: (box: ToyBox) => setState((s) => moveBox(s, box)),
      maximumLikelihood: () => setState(maximumLikelihood),
      sample: (seed: number) => setState((s) => drawSamples(s, seed)),
      setSampling: (count: number, temperature: number) =>
        setState((s) => setSampling(s, count, temperature)),
      dismissError: () => setState((s) => ({ ...s, error: null })),
    }),
    [],
  );
  return { state, scores, actions };
}

export type ToyActions = ReturnType<typeof useToy>['actions'];
