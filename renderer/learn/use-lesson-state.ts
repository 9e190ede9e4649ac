import { useMemo } from 'react';
import type { ModelState } from '../../shared/api';
import type { SidebarTab } from '../app/SidebarTabs';
import type { MapLayers } from '../latent-map/map-content';
import type { ExplorerState } from '../state/explorer-reducer';
import type { Decoded } from '../state/use-decoded-image';
import type { AppView } from '../toy/ViewSwitch';
import { judgeFactors } from '../walk/walk-judge';
import type { LessonState, ToyReport } from './lesson-state';

interface LessonInputs {
  view: AppView;
  tab: SidebarTab;
  training: boolean;
  model: ModelState | null;
  explorer: Pick<ExplorerState, 'z' | 'zSource' | 'factors' | 'factorsLead' | 'colorBy'>;
  decoded: Decoded | null;
  walk: LessonState['walk'];
  generate: LessonState['generate'];
  toy: ToyReport | null;
  layers: MapLayers;
  /** A lesson is in progress: only then is the image at z judged (under a millisecond). */
  active: boolean;
}

/** The app's state as the lessons' auto-checks see it (lesson-state.ts). */
export function useLessonState(i: LessonInputs): LessonState {
  const { view, tab, training, model, explorer, decoded, walk, generate, toy, layers, active } = i;
  const info = model?.info;
  const lessonModel = useMemo(
    () =>
      info
        ? {
            id: info.id,
            kind: info.config.kind,
            source: info.source,
            align: info.config.align,
            beta: info.config.beta,
            knnR2: info.metrics?.knnR2 ?? null,
            viewingEpoch: info.viewingEpoch ?? null,
          }
        : null,
    [info],
  );
  const judged = useMemo(() => {
    if (!active || !decoded) return null;
    const j = judgeFactors(decoded.image, 1, decoded.imageSize)[0];
    return j ? { height: j.height, radius: j.radius } : null;
  }, [active, decoded]);
  const { z, zSource, factors, factorsLead, colorBy } = explorer;
  return useMemo(
    () => ({
      view,
      tab,
      training,
      model: lessonModel,
      z,
      zSource,
      factors,
      factorsLead,
      judged,
      walk,
      generate,
      toy,
      colorBy,
      layers,
    }),
    [
      view,
      tab,
      training,
      lessonModel,
      z,
      zSource,
      factors,
      factorsLead,
      judged,
      walk,
      generate,
      toy,
      colorBy,
      layers,
    ],
  );
}
