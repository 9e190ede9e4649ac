import type { LatentBounds } from '../../shared/api';
import type { Point2 } from '../../shared/density/types';
import type { SampleLabel } from '../../shared/judge';

/** What the latent map draws for the fitted p_model (built by useGenerative, drawn by the map). */
export interface PModelLayer {
  /** Log density at the nodes of a cols×rows grid over bounds, order of gridLayout(…, 'bottom-up'); null for 'mean'. */
  raster: { values: Float64Array; cols: number; rows: number; bounds: LatentBounds } | null;
  /** Log-density thresholds of the 50/90/99 % highest-density regions (same order). */
  levels: number[];
  /** The box family's current box (draggable), else null. */
  box: { min: Point2; max: Point2 } | null;
  /** Samples drawn (interleaved) with their labels ('A' | 'C'; null until judged). */
  samples: { z: Float32Array; labels: SampleLabel[] | null } | null;
  /** The fixed point of 'mean'. */
  point: Point2 | null;
}
