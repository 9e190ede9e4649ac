import type { Factors, LatentBounds, Metrics, ModelState } from '../../shared/api';
import type { Factor } from '../../shared/factors';
import { dataBounds } from '../lib/model-bounds';
import { nearestData, type NearestData } from './nearest-data';

/** Which factor colours the map's points (and the 3-D panel). */
export type ColorBy = Factor;

/** What moved the latent point last: the factor sliders keep their true image only while they lead. */
export type ZSource = 'init' | 'map' | 'slider' | 'keys' | 'factors' | 'model';

/** The explorer's shared state: the model on screen and where the user is in its latent space. */
export interface ExplorerState {
  model: ModelState | null;
  /** Bumped whenever the weights change (epoch, load, switch): decodes and tiles refresh. */
  modelVersion: number;
  /** Current latent point (z₁, z₂). */
  z: [number, number];
  zSource: ZSource;
  /**
   * Positions of the Height and Radius sliders: where the user put them while they lead z, else
   * the true factors of the validation image nearest to z (`nearest`).
   */
  factors: Factors;
  /** True from a move of the factor sliders until z moves by other means: they lead z. */
  factorsLead: boolean;
  /** The true factors behind the current z, while it came from the factor sliders; else null. */
  trueFactors: Factors | null;
  /**
   * While z moved by other means (map, z sliders, keys): the validation image nearest to z, whose
   * factors the sliders show and whose code decodes to their reconstruction; null while they lead.
   */
  nearest: NearestData | null;
  colorBy: ColorBy;
}

export type ExplorerAction =
  | { type: 'model-loaded'; model: ModelState }
  | { type: 'epoch'; epoch: number; codes: Float32Array; metrics: Metrics }
  | { type: 'set-z'; z: [number, number]; source: Exclude<ZSource, 'factors' | 'model' | 'init'> }
  | { type: 'set-factors'; factors: Factors }
  | { type: 'factors-encoded'; factors: Factors; z: [number, number] }
  | { type: 'color-by'; colorBy: ColorBy };

export const INITIAL_EXPLORER: ExplorerState = {
  model: null,
  modelVersion: 0,
  z: [0, 0],
  zSource: 'init',
  factors: { height: 0.5, radius: 0.5 },
  factorsLead: false,
  trueFactors: null,
  nearest: null,
  colorBy: 'height',
};

/** Pure state transitions of the explorer (tested; the hook only wires events to them). */
export function explorerReducer(state: ExplorerState, action: ExplorerAction): ExplorerState {
  switch (action.type) {
    case 'model-loaded': {
      const bounds = dataBounds(action.model);
      const keepZ = state.model !== null && inside(state.z, bounds);
      const z = keepZ ? state.z : centre(bounds);
      // A fresh start puts z on real data: the Height/Radius sliders lead, so their cylinder is
      // encoded and shown beside its reconstruction (the centre of the bounds may be off-manifold).
      const next = {
        ...state,
        model: action.model,
        modelVersion: state.modelVersion + 1,
        z,
        zSource: keepZ ? state.zSource : 'model',
        factorsLead: keepZ ? state.factorsLead : true,
        trueFactors: keepZ ? state.trueFactors : null,
        nearest: null, // another model's images: nothing of the old one is reused
      } satisfies ExplorerState;
      return next.factorsLead ? next : followNearest(next);
    }
    case 'epoch': {
      // The model in training may arrive without codes yet; its point count is what must match.
      if (!state.model || 2 * state.model.points.count !== action.codes.length) return state;
      // An epoch picked on the timeline stays on view while the run trains on.
      if (state.model.info.viewingEpoch !== undefined) return state;
      const { info, points } = state.model;
      const next = {
        ...state,
        model: {
          ...state.model,
          info: { ...info, metrics: action.metrics, epochsTrained: action.epoch },
          points: { ...points, codes: action.codes },
        },
        modelVersion: state.modelVersion + 1,
      };
      // The codes moved: the image nearest to z may be another one now.
      return state.factorsLead ? next : followNearest(next);
    }
    case 'set-z':
      if (!action.z.every(Number.isFinite)) return state;
      return followNearest({
        ...state,
        z: action.z,
        zSource: action.source,
        factorsLead: false,
        trueFactors: null,
      });
    case 'set-factors':
      return { ...state, factors: action.factors, factorsLead: true, nearest: null };
    case 'factors-encoded':
      // A late answer for factors the user has already moved past (or left for the map) is dropped.
      if (!state.factorsLead || !sameFactors(action.factors, state.factors)) return state;
      if (!action.z.every(Number.isFinite)) return state;
      return { ...state, z: action.z, zSource: 'factors', trueFactors: action.factors };
    case 'color-by':
      return { ...state, colorBy: action.colorBy };
  }
}

/**
 * The factor sliders follow z when it moved by other means: they show the true factors of the
 * validation image nearest to it (kept as they were when there is none, e.g. no codes yet).
 */
function followNearest(state: ExplorerState): ExplorerState {
  const found = state.model ? nearestData(state.model.points, state.z) : null;
  // The same image as before keeps its objects, so a drag within its cell re-renders nothing.
  const nearest = found && state.nearest && sameData(found, state.nearest) ? state.nearest : found;
  return { ...state, nearest, factors: nearest?.factors ?? state.factors };
}

function sameData(a: NearestData, b: NearestData): boolean {
  return a.index === b.index && a.code[0] === b.code[0] && a.code[1] === b.code[1];
}

function inside(z: [number, number], b: LatentBounds): boolean {
  const padZ1 = (b.max[0] - b.min[0]) * 0.25;
  const padZ2 = (b.max[1] - b.min[1]) * 0.25;
  return (
    z[0] >= b.min[0] - padZ1 &&
    z[0] <= b.max[0] + padZ1 &&
    z[1] >= b.min[1] - padZ2 &&
    z[1] <= b.max[1] + padZ2
  );
}

function centre(b: LatentBounds): [number, number] {
  return [(b.min[0] + b.max[0]) / 2, (b.min[1] + b.max[1]) / 2];
}

function sameFactors(a: Factors, b: Factors): boolean {
  return a.height === b.height && a.radius === b.radius;
}
