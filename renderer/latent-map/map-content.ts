import type { LatentBounds, LatentPoints } from '../../shared/api';
import type { Point2 } from '../../shared/density/types';
import type { SampleLabel } from '../../shared/judge';
import type { Factor } from '../../shared/factors';
import type { MapFields } from './map-fields';
import type { HdrContour } from './pmodel-overlay';
import type { MapPath } from './draw-path';
import type { MapWords } from './map-words';

/** Which layers the map shows, and how dense the decoded grid is. */
export interface MapLayers {
  showTiles: boolean;
  /** Decoded images per side of the grid, 8–24. */
  perSide: number;
  showContours: boolean;
  showShading: boolean;
  /** The fitted p_model: its density, highest-density contours, box, samples (when there is one). */
  showPModel: boolean;
  /** A VAE: fresh draws z = μ + σ·ε from the hovered image's posterior, twice a second. */
  showEps: boolean;
  /** A VAE: the aggregate posterior q(z)'s 50/90/99 % contours, against the prior's circles. */
  showAggregate: boolean;
}

export const GRID_DENSITY_RANGE = [8, 24] as const;

export const DEFAULT_LAYERS: MapLayers = {
  showTiles: true,
  perSide: 14,
  showContours: true,
  showShading: true,
  showPModel: true,
  showEps: false,
  showAggregate: false,
};

/** The decoded grid, ready to paint: one sheet image covering `bounds` (tile edges, not centres). */
export interface TileSheet {
  image: CanvasImageSource;
  bounds: LatentBounds;
  perSide: number;
}

/** Everything the map paints (draw-latent-map.ts), besides the viewport. */
export interface MapContent {
  points: LatentPoints | null;
  /** The true factor that colours the points. */
  colorBy: Factor;
  z: [number, number];
  tiles: TileSheet | null;
  fields: MapFields | null;
  /** `fields.shade` as an image (row 0 at the top), covering `fields.bounds`. */
  shade: CanvasImageSource | null;
  layers: MapLayers;
  /** Index of the hovered point, or -1. */
  hoverIndex: number;
  /** The p_model layer (null: none fitted, or hidden). Its box is drawn over the base, like z. */
  pmodel: PModelOverlay | null;
  /** Draw the VAE's prior N(0, I) (draw-prior.ts): the model is a VAE. */
  prior: boolean;
  /**
   * A VAE's log-variances of the points (interleaved, as `points.codes`), for the 1σ posterior
   * ellipses of the hovered point and of the codes in the box; null otherwise.
   */
  logVar: Float32Array | null;
  /**
   * A VAE's aggregate posterior q(z): its 50/90/99 % highest-density contours
   * (use-aggregate-posterior.ts), with layers.showAggregate; null otherwise.
   */
  aggregate: HdrContour[] | null;
  /** A walk or keyframed path to draw (the Walk tab's), or null. */
  path?: MapPath | null;
  /**
   * The points' codes at another epoch of the run (the timeline's "trails from"), in the order of
   * `points.codes`: a line goes from each to the point as shown. Null: no trails.
   */
  trails?: Float32Array | null;
  /** Which draw of ε to show for the hovered point (with layers.showEps), or -1 for none. */
  epsDraw: number;
  /** The words written on the map (axis names, labels), in the language on screen. */
  words: MapWords;
}

/** The p_model layer, ready to paint (use-pmodel-overlay.ts). */
export interface PModelOverlay {
  /** The density as an image (row 0 at the top) covering `imageBounds`; null for 'mean'. */
  image: CanvasImageSource | null;
  imageBounds: LatentBounds | null;
  /** The 50/90/99 % highest-density contours. */
  contours: HdrContour[];
  /** Samples (interleaved) and their labels, null until judged. */
  samples: { z: Float32Array; labels: readonly SampleLabel[] | null } | null;
  /** The mean code's fixed point. */
  point: Point2 | null;
}
