/**
 * The VAE's prior p(z) = N(0, I) on the map: the circles holding 50 %, 90 % and 99 % of its
 * probability, dashed as the p_model's highest-density contours are, so the two read alike. The
 * encoder's codes are pulled toward this prior by the KL term; where they sit against it shows how
 * much of the prior the model actually uses.
 */
import { CONTOUR_DASHES } from './draw-pmodel';
import { PRIOR_CONTOUR } from './map-palette';
import { latentToScreen, type Viewport } from './viewport';

/** The masses of the circles drawn, as the p_model's contours (HDR_MASSES). */
export const PRIOR_MASSES = [0.5, 0.9, 0.99] as const;

/**
 * Radius of the circle holding `mass` of a 2-D standard normal: the squared radius is χ²(2),
 * whose CDF is 1 − exp(−r²/2), so r = √(−2 ln(1 − mass)).
 *
 * @example priorRadius(0.5) // 1.1774
 */
export function priorRadius(mass: number): number {
  if (!(mass > 0 && mass < 1)) throw new Error(`prior mass must be in (0, 1), got ${mass}`);
  return Math.sqrt(-2 * Math.log(1 - mass));
}

/** Draws the prior's circles and `label` ("prior N(0, I)") at the top of the widest. */
export function drawPrior(ctx: CanvasRenderingContext2D, vp: Viewport, label: string): void {
  const centre = latentToScreen(vp, { z1: 0, z2: 0 });
  ctx.save();
  ctx.strokeStyle = PRIOR_CONTOUR;
  ctx.lineWidth = 1.25;
  PRIOR_MASSES.forEach((mass, k) => {
    ctx.setLineDash([...(CONTOUR_DASHES[k] ?? [])]);
    ctx.beginPath();
    ctx.arc(centre.x, centre.y, priorRadius(mass) * vp.scale, 0, 2 * Math.PI);
    ctx.stroke();
  });
  ctx.setLineDash([]);
  ctx.fillStyle = PRIOR_CONTOUR;
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText(label, centre.x, centre.y - priorRadius(0.99) * vp.scale - 5);
  ctx.restore();
}
