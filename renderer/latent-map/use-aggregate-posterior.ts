import { useMemo } from 'react';
import { aggregatePosterior } from './aggregate-posterior';
import { HDR_MASSES, hdrContours, type HdrContour } from './pmodel-overlay';

/**
 * The aggregate posterior q(z)'s 50/90/99 % highest-density contours, ready to paint, while `show`
 * (a VAE, its layer on) and the log-variances match the codes; null otherwise.
 *
 * Why a memo on the page's thread, not the map-fields worker: ~1000 codes on a 96² grid take
 * ~25 ms, once per new set of codes (an epoch, a model), never per frame or per view; and only
 * while the layer is on.
 */
export function useAggregatePosterior(
  codes: Float32Array | null,
  logVar: Float32Array | null,
  show: boolean,
): HdrContour[] | null {
  return useMemo(() => {
    if (!show || !codes || !logVar) return null;
    const q = aggregatePosterior(codes, logVar, HDR_MASSES);
    return q ? hdrContours(q.raster, q.levels) : null;
  }, [codes, logVar, show]);
}
