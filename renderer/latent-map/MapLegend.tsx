import { memo } from 'react';
import { FACTORS, type Factor } from '../../shared/factors';
import { useT } from '../i18n/I18nProvider';
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
  const t = useT();
  const name = (f: Factor) => t(f === 'height' ? 'map.factor.height' : 'map.factor.radius');
  const low = t(colorBy === 'height' ? 'explore.factor.height.low' : 'explore.factor.radius.low');
  const high = t(colorBy === 'height' ? 'explore.factor.height.high' : 'explore.factor.radius.high');
  return (
    <div className="map-legend">
      <div className="legend-row">
        <div className="segmented" role="radiogroup" aria-label={t('map.legend.colourBy')}>
          <span className="segmented-label">{t('map.legend.colourByTrue')}</span>
          {FACTORS.map((c) => (
            <label key={c} className="segment" data-checked={colorBy === c}>
              <input
                type="radio"
                name="color-by"
                value={c}
                checked={colorBy === c}
                onChange={() => onColorBy(c)}
              />
              {name(c)}
            </label>
          ))}
        </div>
        <span className="legend-scale" title={t('map.legend.scale.hint', { factor: name(colorBy) })}>
          <span className="legend-end">{low} 0</span>
          <span className="legend-bar" style={{ background: GRADIENT }} data-testid="legend-bar" />
          <span className="legend-end">1 {high}</span>
        </span>
      </div>
      <div className="legend-row">
        {layers.showContours && (
          <>
            <LineKey stroke="iso-height-stroke" title={t('map.legend.isoHeight.hint')}>
              {t('map.legend.isoHeight')}
            </LineKey>
            <LineKey stroke="iso-radius-stroke" title={t('map.legend.isoRadius.hint')}>
              {t('map.legend.isoRadius')}
            </LineKey>
          </>
        )}
        {layers.showShading && (
          <span className="legend-key" title={t('map.legend.offManifold.hint')}>
            <span className="legend-shade" aria-hidden="true" />
            {t('map.legend.offManifold')}
          </span>
        )}
        {hasPrior && (
          <LineKey stroke="prior-stroke" title={t('map.legend.prior.hint')}>
            {t('map.legend.prior')}
          </LineKey>
        )}
        {hasAggregate && (
          <LineKey stroke="aggregate-stroke" title={t('map.legend.aggregate.hint')}>
            {t('map.legend.aggregate')}
          </LineKey>
        )}
        {layers.showPModel && (hasPModel || hasModel) && <PModelLegend pending={!hasPModel} />}
        <span className="legend-hint" id="latent-map-help">
          {t('map.legend.help')}
        </span>
      </div>
    </div>
  );
});
