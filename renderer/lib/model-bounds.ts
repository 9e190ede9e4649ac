import type { LatentBounds, ModelState } from '../../shared/api';
import { boundsOfCodes, expandBounds } from '../../shared/latent-bounds';

/** Margin added to the data's latent bounds for slider ranges and the initial view (fraction of span). */
export const LATENT_MARGIN = 0.15;

/** The validation codes' bounds: from the metrics when present, else measured from the points. */
export function dataBounds(model: ModelState): LatentBounds {
  return model.info.metrics?.latentBounds ?? boundsOfCodes(model.points.codes);
}

/** The range the z sliders cover: the data's bounds plus a margin, rounded outward to 2 decimals. */
export function sliderBounds(model: ModelState | null): LatentBounds {
  if (!model) return { min: [-1, -1], max: [1, 1] };
  const b = expandBounds(dataBounds(model), LATENT_MARGIN);
  const down = (v: number) => Math.floor(v * 100) / 100;
  const up = (v: number) => Math.ceil(v * 100) / 100;
  return { min: [down(b.min[0]), down(b.min[1])], max: [up(b.max[0]), up(b.max[1])] };
}
