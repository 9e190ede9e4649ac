import type { LatentBounds, LatentPoints } from '../../shared/api';
import { channel } from '../../shared/interleaved';
import { knnRegress } from '../../shared/knn';
import { boundsOfCodes, expandBounds } from '../../shared/latent-bounds';
import { KNN_K } from '../../shared/stats';
import { contourLevels, contourSegments } from './contours';
import { gridNodes, smoothField, type FieldGrid } from './field-grid';
import { nearestDistanceRaster, shadeAlpha, typicalSpacing } from './shading';

/** Grid nodes per side for the kNN factor estimate (contours are drawn from it). */
const FIELD_NODES = 56;
/** Raster cells per side for the off-manifold shading. */
const SHADE_CELLS = 96;
/** Iso-lines per factor, at evenly spaced levels in (0, 1). */
const LEVEL_COUNT = 9;
/** The fields cover the data's bounds plus this fraction of their span on every side. */
const FIELD_MARGIN = 0.6;
/** Beyond this many typical spacings from every point the factor estimate is left blank. */
const CONTOUR_REACH = 4;

/** One iso-line: every segment where a factor equals `level`, packed as in `contourSegments`. */
export interface IsoLine {
  level: number;
  segments: Float32Array;
}

/** What the map draws on top of the tiles, computed once per set of encoded points. */
export interface MapFields {
  bounds: LatentBounds;
  isoHeight: IsoLine[];
  isoRadius: IsoLine[];
  /** Dimming per raster cell (row 0 at the top), `alpha[row * shadeCells + col]` in [0, 1]. */
  shade: { cols: number; rows: number; alpha: Float32Array };
  /** Median nearest-neighbour distance of the codes (latent units). */
  spacing: number;
}

/**
 * Estimates height and radius everywhere from the encoded validation images (kNN regression on
 * a grid), draws their iso-lines, and rasterises how far each place is from the data.
 */
export function computeMapFields(points: LatentPoints): MapFields {
  const { codes, factors, count } = points;
  const bounds = expandBounds(boundsOfCodes(codes), FIELD_MARGIN);
  const spacing = typicalSpacing(codes);
  const shade = shadeRaster(codes, bounds, spacing);
  if (count === 0) return { bounds, isoHeight: [], isoRadius: [], shade, spacing };
  const nodes = gridNodes(bounds, FIELD_NODES, FIELD_NODES);
  const estimate = knnRegress(codes, factors, 2, nodes, KNN_K);
  const reach = nodeReach(codes, bounds, spacing);
  const field = (c: number): FieldGrid => {
    const values = smoothField(channel(estimate, 2, c), FIELD_NODES, FIELD_NODES);
    for (let i = 0; i < values.length; i++) if (!reach[i]) values[i] = NaN;
    return { bounds, cols: FIELD_NODES, rows: FIELD_NODES, values };
  };
  const heightField = field(0);
  const radiusField = field(1);
  const levels = contourLevels(LEVEL_COUNT);
  return {
    bounds,
    isoHeight: levels.map((level) => ({ level, segments: contourSegments(heightField, level) })),
    isoRadius: levels.map((level) => ({ level, segments: contourSegments(radiusField, level) })),
    shade,
    spacing,
  };
}

function shadeRaster(codes: Float32Array, bounds: LatentBounds, spacing: number): MapFields['shade'] {
  const distance = nearestDistanceRaster(codes, bounds, SHADE_CELLS, SHADE_CELLS);
  const alpha = distance.map((d) => shadeAlpha(d, spacing));
  return { cols: SHADE_CELLS, rows: SHADE_CELLS, alpha };
}

/** Whether each field node lies within CONTOUR_REACH spacings of some code. */
function nodeReach(codes: Float32Array, bounds: LatentBounds, spacing: number): Uint8Array {
  const nodes = gridNodes(bounds, FIELD_NODES, FIELD_NODES);
  const limit = (CONTOUR_REACH * spacing) ** 2;
  const n = Math.floor(codes.length / 2);
  const out = new Uint8Array(nodes.length / 2);
  for (let q = 0; q < out.length; q++) {
    const x = nodes[2 * q] as number;
    const y = nodes[2 * q + 1] as number;
    for (let i = 0; i < n; i++) {
      const dx = (codes[2 * i] as number) - x;
      const dy = (codes[2 * i + 1] as number) - y;
      if (dx * dx + dy * dy <= limit) {
        out[q] = 1;
        break;
      }
    }
  }
  return out;
}
