import type { LatentBounds, LatentPoints } from '../../shared/api';
import type { Factor } from '../../shared/factors';
import type { MapFields } from './map-fields';

/** Which layers the map shows, and how dense the decoded grid is. */
export interface MapLayers {
  showTiles: boolean;
  /** Decoded images per side of the grid, 8–24. */
  perSide: number;
  showContours: boolean;
  showShading: boolean;
}

export const GRID_DENSITY_RANGE = [8, 24] as const;

export const DEFAULT_LAYERS: MapLayers = {
  showTiles: true,
  perSide: 14,
  showContours: true,
  showShading: true,
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
}
