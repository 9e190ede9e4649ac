import { memo } from 'react';
import { LineKey } from './LineKey';

/**
 * Key to the p_model layer: the density shading, the highest-density contours, the uniform box,
 * the samples by label and the mean code's marker. The colours match map-palette.ts. While the
 * p_model is still being fitted (`pending`) the key keeps its room but is not shown.
 */
export const PModelLegend = memo(function PModelLegend({ pending = false }: { pending?: boolean }) {
  return (
    <span
      className={pending ? 'legend-group legend-pending' : 'legend-group'}
      data-testid={pending ? undefined : 'pmodel-legend'}
      aria-hidden={pending || undefined}
    >
      <span
        className="legend-key"
        title="p_model: the fitted density over the latent space, brighter where it puts more probability."
      >
        <span className="legend-density" aria-hidden="true" />
        p_model
      </span>
      <LineKey
        stroke="hdr-stroke"
        title="Highest-density regions: the smallest regions holding 50 %, 90 % and 99 % of p_model's probability (solid, dashed, dotted)."
      >
        50 / 90 / 99 %
      </LineKey>
      <span className="legend-key" title="Samples drawn from p_model and judged against the true cylinders.">
        <span className="legend-dot legend-dot-c" aria-hidden="true" />
        plausible (C)
        <span className="legend-dot legend-dot-a" aria-hidden="true" />
        looks wrong (A)
      </span>
      <span className="legend-key" title="Drag a corner or an edge of the uniform box to change θ.">
        <span className="legend-box" aria-hidden="true" />
        box (drag corners)
      </span>
    </span>
  );
});
