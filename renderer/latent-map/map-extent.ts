/**
 * What part of latent space the map shows: the box its view fits around the codes, and whether a
 * decoded tile sheet (made for an earlier view) still belongs on the current one.
 */
import type { LatentBounds } from '../../shared/api';
import { boundsOfCodes, robustBounds } from '../../shared/latent-bounds';

/**
 * An axis whose 1st–99th percentile span is below this fraction of its full span is degenerate
 * (nearly every code piled on one value, as a collapsed code can be early in training): the view
 * then spans every code on it. Far below what outliers do (one code 1,000 away from a bulk 20 wide
 * is a share of 0.02), so outliers are still left out.
 */
const MIN_ROBUST_SHARE = 1e-3;
/** A tile sheet that covers less than this share of the visible square is not drawn. */
const MIN_TILE_COVER = 0.5;

/**
 * The box the map's view fits: the bulk of the codes (1st–99th percentile, so a few outliers do not
 * shrink the rest to a corner), widened to every code on an axis where the bulk is degenerate.
 *
 * @example fitBoundsOfCodes(codes) // robustBounds(codes), unless (say) 99 % of z₂ sit at 0
 */
export function fitBoundsOfCodes(codes: Float32Array): LatentBounds {
  const robust = robustBounds(codes);
  const full = boundsOfCodes(codes);
  const pick = (k: 0 | 1): [number, number] => {
    const fullSpan = full.max[k] - full.min[k];
    const robustSpan = robust.max[k] - robust.min[k];
    return robustSpan < MIN_ROBUST_SHARE * fullSpan
      ? [full.min[k], full.max[k]]
      : [robust.min[k], robust.max[k]];
  };
  const [min1, max1] = pick(0);
  const [min2, max2] = pick(1);
  return { min: [min1, min2], max: [max1, max2] };
}

/**
 * Whether a tile sheet covering `sheet` still belongs on a view whose tiles would cover `square`.
 * A sheet made for another view stays up while the new one is decoded, as long as it covers at
 * least half of the view; why not always: after the view refits (each epoch of a run moves the
 * codes) an old sheet can be a small patch of the new view, which reads as one grey square at z ≈ 0.
 */
export function sheetFitsView(sheet: LatentBounds, square: LatentBounds): boolean {
  const overlap = (k: 0 | 1) =>
    Math.max(0, Math.min(sheet.max[k], square.max[k]) - Math.max(sheet.min[k], square.min[k]));
  const area = (square.max[0] - square.min[0]) * (square.max[1] - square.min[1]);
  return area > 0 && (overlap(0) * overlap(1)) / area >= MIN_TILE_COVER;
}
