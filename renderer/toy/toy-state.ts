import {
  DEFAULT_FAMILY_SETTINGS,
  DENSITY_LIMITS,
  DensityError,
  type FamilySettings,
} from '../../shared/density';
import { errorMessage } from '../../shared/errors';
import { createRng } from '../../shared/random';
import type { ToyBox } from './toy-box';
import type { ToyMask } from './toy-mask';
import { boxToyModel, fitToyModel, type ToyFamily, type ToyModel } from './toy-model';
import { DEFAULT_POINT_COUNT, samplePointsInMask, ToyError, type ToyProblem } from './toy-sampling';
import { labelToySamples, type ToyLabel } from './toy-score';
import { shapeMask, type ShapeId } from './toy-shapes';

/** Samples drawn from p_model, their labels and the seed that reproduces them. */
export interface ToySamples {
  z: Float32Array;
  labels: ToyLabel[];
  seed: number;
}

/** Everything the toy view shows; each transition below returns a new one. */
export interface ToyState {
  /** The preset the region came from, or 'custom' once painted. */
  shape: ShapeId | 'custom';
  mask: ToyMask;
  pointCount: number;
  pointSeed: number;
  /** Training points drawn from p_data (interleaved). */
  points: Float32Array;
  family: ToyFamily;
  settings: FamilySettings;
  model: ToyModel | null;
  /** The box family's current box (the MLE until dragged), else null. */
  box: ToyBox | null;
  sampleCount: number;
  temperature: number;
  samples: ToySamples | null;
  /** The last bad input's problem (the page words it); the state before it is kept. */
  error: ToyProblem | null;
}

export const DEFAULT_TOY_SAMPLE_COUNT = 256;
const DEFAULT_SHAPE: ShapeId = 'continents';

/** The toy as it opens: continents, 200 points, the MLE box. */
export function initialToyState(): ToyState {
  const mask = shapeMask(DEFAULT_SHAPE);
  const draft: ToyState = {
    shape: DEFAULT_SHAPE,
    mask,
    pointCount: DEFAULT_POINT_COUNT,
    pointSeed: 1,
    points: samplePointsInMask(mask, DEFAULT_POINT_COUNT, 1),
    family: 'box',
    settings: DEFAULT_FAMILY_SETTINGS,
    model: null,
    box: null,
    sampleCount: DEFAULT_TOY_SAMPLE_COUNT,
    temperature: 1,
    samples: null,
    error: null,
  };
  return refit(draft);
}

/**
 * Applies `change` to `state` and refits (and resamples, if samples were shown). Bad input
 * (a ToyError or DensityError) leaves `state` as it was, with the message in `error`.
 */
function guarded(state: ToyState, change: (s: ToyState) => ToyState): ToyState {
  try {
    return { ...change(state), error: null };
  } catch (err) {
    if (err instanceof ToyError) return { ...state, error: err.problem };
    // The density library words its own errors (in English), e.g. a box with no area.
    if (err instanceof DensityError)
      return { ...state, error: { id: 'toy.error.other', values: { message: err.message } } };
    return { ...state, error: { id: 'toy.error.other', values: { message: errorMessage(err) } } };
  }
}

/** Fits the state's family to its points (the box to its MLE) and redraws existing samples. */
function refit(s: ToyState): ToyState {
  const model = fitToyModel(s.family, s.points, s.settings, s.mask);
  const params = model.density.params;
  const box = params.family === 'box' ? { min: params.min, max: params.max } : null;
  return resample({ ...s, model, box }, s.samples?.seed ?? null);
}

/** Draws fresh training points from the region, then refits. */
function redraw(s: ToyState): ToyState {
  return refit({ ...s, points: samplePointsInMask(s.mask, s.pointCount, s.pointSeed) });
}

/** Samples with `seed` from the current model (nothing when seed is null or no model). */
function resample(s: ToyState, seed: number | null): ToyState {
  if (seed === null || !s.model) return { ...s, samples: null };
  const z = s.model.density.sample(s.sampleCount, createRng(seed), s.temperature);
  return { ...s, samples: { z, labels: labelToySamples(s.mask, z), seed } };
}

/** A setting a range check names (toy.error.range words it). */
type Setting = 'k' | 'bandwidth' | 'samples' | 'temperature';

function inRange(value: number, [lo, hi]: readonly [number, number], what: Setting): void {
  if (!Number.isFinite(value) || value < lo || value > hi) {
    throw new ToyError({ id: 'toy.error.range', values: { what, lo: String(lo), hi: String(hi) } });
  }
}

function wholeInRange(value: number, range: readonly [number, number], what: Setting): void {
  if (!Number.isInteger(value)) throw new ToyError({ id: 'toy.error.whole', values: { what } });
  inRange(value, range, what);
}

/** Switches p_data to a preset region and redraws the training points. */
export function chooseShape(state: ToyState, shape: ShapeId): ToyState {
  return guarded(state, (s) => redraw({ ...s, shape, mask: shapeMask(shape) }));
}

/**
 * A region painted with the brush (strokes are painted on the UI thread, with toy-brush's
 * paintStroke): draws new training points from it and refits. An (almost) empty region is
 * refused with a message, and the previous region is kept.
 */
export function setMask(state: ToyState, mask: ToyMask): ToyState {
  return guarded(state, (s) => redraw({ ...s, shape: 'custom', mask }));
}

/** Sets how many training points are drawn, and their seed; redraws and refits. */
export function setPoints(state: ToyState, pointCount: number, pointSeed: number): ToyState {
  return guarded(state, (s) => {
    if (!Number.isFinite(pointSeed)) throw new ToyError({ id: 'toy.error.seed' });
    return redraw({ ...s, pointCount, pointSeed });
  });
}

/** Fits another family (maximum likelihood) to the same points. */
export function chooseFamily(state: ToyState, family: ToyFamily): ToyState {
  return guarded(state, (s) => refit({ ...s, family }));
}

/** Changes k, the bandwidth factor or EM's seed, and refits. */
export function changeSettings(state: ToyState, patch: Partial<FamilySettings>): ToyState {
  return guarded(state, (s) => {
    const settings = { ...s.settings, ...patch };
    wholeInRange(settings.k, DENSITY_LIMITS.k, 'k');
    inRange(settings.bandwidthFactor, DENSITY_LIMITS.bandwidthFactor, 'bandwidth');
    return refit({ ...s, settings });
  });
}

/** A dragged box: p_model becomes that box; θ, log-likelihood and coverage follow. */
export function moveBox(state: ToyState, box: ToyBox): ToyState {
  if (state.family !== 'box') return state;
  return guarded(state, (s) =>
    resample({ ...s, box, model: boxToyModel(box.min, box.max, s.points, s.mask) }, s.samples?.seed ?? null),
  );
}

/** "Maximum likelihood": the box snaps back to the smallest box holding every training point. */
export function maximumLikelihood(state: ToyState): ToyState {
  return guarded(state, refit);
}

/** Draws samples from p_model with `seed` and labels them against p_data. */
export function drawSamples(state: ToyState, seed: number): ToyState {
  return guarded(state, (s) => {
    if (!Number.isFinite(seed)) throw new ToyError({ id: 'toy.error.seed' });
    return resample(s, seed);
  });
}

/** Changes the sample count or temperature; shown samples are redrawn with their seed. */
export function setSampling(state: ToyState, sampleCount: number, temperature: number): ToyState {
  return guarded(state, (s) => {
    wholeInRange(sampleCount, DENSITY_LIMITS.sampleCount, 'samples');
    inRange(temperature, DENSITY_LIMITS.temperature, 'temperature');
    return resample({ ...s, sampleCount, temperature }, s.samples?.seed ?? null);
  });
}
