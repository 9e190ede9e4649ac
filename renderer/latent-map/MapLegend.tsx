import { memo } from 'react';
import { FACTOR_WORDS, FACTORS, type Factor } from '../../shared/factors';
import { viridisGradientCss } from './colormap';
import type { MapLayers } from './map-content';
import { LineKey } from './LineKey';
import { PModelLegend } from './PModelLegend';

const GRADIENT = viridisGradientCss();

interface MapLegendProps {
  colorBy: Factor;
  onColorBy(c: Factor): void;
  layers: MapLayers;
  /** A p_model is fitted (its key shows while its layer is on). */
  hasPModel?: boolean;
  /**
   * A model is loaded, so a p_model is (being) fitted: its key's room is kept while the fit comes,
   * so the map does not shrink under the user's hand when it arrives.
   */
  hasModel?: boolean;
  /** The model is a VAE: its prior's circles are drawn (draw-prior.ts). */
  hasPrior?: boolean;
  /** The aggregate posterior q(z)'s contours are drawn (draw-aggregate.ts). */
  hasAggregate?: boolean;
}

/** Key to the map: which true factor colours the points (a toggle) on a viridis scale, and the overlays' line styles. */
export const MapLegend = memo(function MapLegend({
  colorBy,
  onColorBy,
  layers,
  hasPModel = false,
  hasModel = false,
  hasPrior = false,
  hasAggregate = false,
}: MapLegendProps) {
  const { low, high } = FACTOR_WORDS[colorBy];
  return (
    <div className="map-legend">
      <div className="legend-row">
        <div className="segmented" role="radiogroup" aria-label="Colour points by">
          <span className="segmented-label">Colour by true</span>
          {FACTORS.map((c) => (
            <label key={c} className="segment" data-checked={colorBy === c}>
              <input
                type="radio"
                name="color-by"
                value={c}
                checked={colorBy === c}
                onChange={() => onColorBy(c)}
              />
              {c}
            </label>
          ))}
        </div>
        <span
          className="legend-scale"
          title={`Each point is a validation image, coloured by its true ${colorBy} (viridis scale, 0 to 1).`}
        >
          <span className="legend-end">{low} 0</span>
          <span className="legend-bar" style={{ background: GRADIENT }} data-testid="legend-bar" />
          <span className="legend-end">1 {high}</span>
        </span>
      </div>
      <div className="legend-row">
        {layers.showContours && (
          <>
            <LineKey
              stroke="iso-height-stroke"
              title="Iso-height lines: where the estimated true height is constant (steps of 0.1; 0.5 is bold)."
            >
              iso-height
            </LineKey>
            <LineKey
              stroke="iso-radius-stroke"
              title="Iso-radius lines: where the estimated true radius is constant (steps of 0.1; 0.5 is bold)."
            >
              iso-radius
            </LineKey>
          </>
        )}
        {layers.showShading && (
          <span
            className="legend-key"
            title="Dimmed: far from every encoded image. Decoding there leaves the data the model learned."
          >
            <span className="legend-shade" aria-hidden="true" />
            off-manifold
          </span>
        )}
        {hasPrior && (
          <LineKey
            stroke="prior-stroke"
            title="The VAE's prior p(z) = N(0, I): circles holding 50 %, 90 % and 99 % of its probability. The KL term pulls the codes toward it."
          >
            prior N(0, I)
          </LineKey>
        )}
        {hasAggregate && (
          <LineKey
            stroke="aggregate-stroke"
            title="The aggregate posterior q(z) = (1/N) Σ q(z|xᵢ) over the validation images: contours holding 50 %, 90 % and 99 % of it (solid, dashed, dotted). Where the codes actually put their mass, against the prior."
          >
            aggregate q(z)
          </LineKey>
        )}
        {layers.showPModel && (hasPModel || hasModel) && <PModelLegend pending={!hasPModel} />}
        <span className="legend-hint" id="latent-map-help">
          drag: move z · wheel: zoom · Shift-drag: pan · arrows: nudge · 0: fit
        </span>
      </div>
    </div>
  );
});
