import type { LatentBounds } from '../../shared/api';
import {
  boxDensity,
  countOutside,
  densityRaster,
  fitDensity,
  hdrLevels,
  meanLogLikelihood,
  type Density,
  type FamilyId,
  type FamilyParams,
  type FamilySettings,
  type Point2,
} from '../../shared/density';
import { createRng } from '../../shared/random';
import type { ToyMask } from './toy-mask';
import { coveredRegionCells } from './toy-score';

/** The families the toy offers: every one but the VAE prior (there is no VAE here). */
export type ToyFamily = Exclude<FamilyId, 'prior'>;
export const TOY_FAMILIES: readonly ToyFamily[] = ['box', 'gaussian', 'gmm', 'kde', 'mean'];

/** The toy's world: the unit square. */
export const TOY_BOUNDS: LatentBounds = { min: [0, 0], max: [1, 1] };
/** Nodes per side of the density raster (shading and contours). */
export const RASTER_SIZE = 96;
/** Probability masses of the drawn highest-density regions; the last one defines coverage. */
export const HDR_MASSES = [0.5, 0.9, 0.99] as const;
// Why these two: a kernel density over 2,000 points costs ~0.1 µs per point and query (the whole
// fit ~100–200 ms, run in the toy worker). 2,048 Monte-Carlo samples leave ~20 beyond the 99 % level, and
// coverage judged per 2×2 cells (a 64² grid) is finer than the brush.
const HDR_SAMPLE_COUNT = 2048;
const COVERAGE_BLOCK = 2;

/** A fitted p_model as the canvas and the panels see it: plain data, so a worker can send it. */
export interface ToyModelView {
  /** θ, for display. */
  params: FamilyParams;
  /** False only for 'mean', which is not a generative model. */
  generative: boolean;
  /** Remarks about the fit (e.g. a ridge added to a singular covariance). */
  notes: readonly string[];
  /** Log density at RASTER_SIZE² nodes over TOY_BOUNDS (bottom-up); null for the box and the mean, drawn as shapes. */
  raster: { values: Float64Array; cols: number; rows: number; bounds: LatentBounds } | null;
  /** Log-density thresholds of the 50/90/99 % HDRs; empty for the box (flat) and the mean (no density). */
  levels: number[];
  /** Mean log-likelihood per training point, nats (−∞ if any point has p = 0). */
  logLik: number;
  /** Training points with p = 0 (outside the box). */
  outside: number;
  /** 1 for each region cell inside the 99 % HDR (see coveredRegionCells). */
  covered: Uint8Array;
}

/** A fitted p_model with everything the toy draws and scores, and the density it samples from. */
export interface ToyModel extends ToyModelView {
  density: Density;
}

/** The model without its density (functions cannot cross to another thread). */
export function toyModelView({ density: _density, ...view }: ToyModel): ToyModelView {
  return view;
}

/**
 * p_model of `family` fitted by maximum likelihood to the interleaved `points` (the box's MLE is
 * their bounding box), with its raster, HDR levels, training log-likelihood and coverage of
 * `mask`. Throws DensityError for a fit that cannot be done (too few points, bad settings).
 */
export function fitToyModel(
  family: ToyFamily,
  points: Float32Array,
  settings: FamilySettings,
  mask: ToyMask,
): ToyModel {
  const density = fitDensity(family, points, settings, { isVae: false });
  return describeToyModel(density, points, mask, settings.seed);
}

/** The toy model of a box with corners `min`, `max` (a dragged box). Throws DensityError if min ≥ max. */
export function boxToyModel(min: Point2, max: Point2, points: Float32Array, mask: ToyMask): ToyModel {
  return describeToyModel(boxDensity(min, max), points, mask, 0);
}

function describeToyModel(density: Density, points: Float32Array, mask: ToyMask, seed: number): ToyModel {
  const family = density.params.family;
  // Why no raster for the box: its density is flat, so a filled rectangle says the same, and
  // dragging a corner then costs only the log-likelihood and coverage (a few thousand points).
  const shaded = density.generative && family !== 'box';
  const levels = shaded ? hdrLevels(density, HDR_MASSES, createRng(seed), HDR_SAMPLE_COUNT) : [];
  const raster = shaded
    ? {
        values: densityRaster(density, TOY_BOUNDS, RASTER_SIZE, RASTER_SIZE),
        cols: RASTER_SIZE,
        rows: RASTER_SIZE,
        bounds: TOY_BOUNDS,
      }
    : null;
  // The box covers every cell where its density is positive; the others, their 99 % HDR.
  const coverLevel = family === 'box' ? -Number.MAX_VALUE : (levels[levels.length - 1] ?? Infinity);
  return {
    density,
    params: density.params,
    generative: density.generative,
    notes: density.notes,
    raster,
    levels,
    logLik: meanLogLikelihood(density, points),
    outside: countOutside(density, points),
    covered: coveredRegionCells(mask, density, coverLevel, COVERAGE_BLOCK),
  };
}
