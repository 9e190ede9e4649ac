/**
 * What the lessons' auto-checks look at (issue 14): a snapshot of the app's state, built by
 * useLessonState from the feature hooks. The checks are pure functions of it (lessons.ts), so a
 * step passes only after the right action, whatever order the user clicks in.
 */
import type { PerFactor } from '../../shared/api';
import type { FamilyId } from '../../shared/density/types';
import type { ModelKind } from '../../shared/train-config';
import type { SidebarTab } from '../app/SidebarTabs';
import type { MapLayers } from '../latent-map/map-content';
import type { ColorBy, ZSource } from '../state/explorer-reducer';
import type { AppView } from '../toy/ViewSwitch';

/** The toy view's state, as ToyPanel reports it. */
export interface ToyReport {
  family: Exclude<FamilyId, 'prior'>;
  /** Mean log-likelihood of the training points under p_model (−∞ when one lies outside a box); null: none. */
  logLik: number | null;
  /** The box is the maximum-likelihood box (the points' bounding box). */
  boxIsMle: boolean;
  /** Samples drawn from p_model, and the share of them inside p_data (null: none yet). */
  samples: number;
  precision: number | null;
}

export interface LessonState {
  view: AppView;
  tab: SidebarTab;
  training: boolean;
  model: {
    id: string;
    kind: ModelKind;
    source: 'bundled' | 'trained' | 'loaded' | 'training';
    align: number;
    beta: number;
    knnR2: PerFactor | null;
    viewingEpoch: number | null;
  } | null;
  z: [number, number];
  zSource: ZSource;
  /** The Height/Radius sliders, and whether they lead (z is their cylinder's code). */
  factors: { height: number; radius: number };
  factorsLead: boolean;
  /** The judged height and radius of the decoded image at z (the true renderer's nearest cylinder). */
  judged: { height: number; radius: number } | null;
  walk: { a: boolean; b: boolean; taller: number };
  generate: { family: FamilyId; fitted: boolean; samples: number; precision: number | null };
  toy: ToyReport | null;
  colorBy: ColorBy;
  layers: MapLayers;
}
