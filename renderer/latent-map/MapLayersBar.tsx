import { memo } from 'react';
import type { MessageId } from '../../shared/i18n/catalogs';
import { useT } from '../i18n/I18nProvider';
import { GRID_DENSITY_RANGE, type MapLayers } from './map-content';

interface MapLayersBarProps {
  layers: MapLayers;
  onLayers(l: MapLayers): void;
  /** Whether a p_model is fitted (its toggle is disabled until one is). */
  hasPModel?: boolean;
  /** The model is a VAE: its ε-draws and aggregate q(z) toggles show. */
  isVae?: boolean;
}

/** The map's toolbar: show, hide and tune each layer. */
export const MapLayersBar = memo(function MapLayersBar({
  layers,
  onLayers,
  hasPModel = true,
  isVae = false,
}: MapLayersBarProps) {
  const t = useT();
  const toggle = (
    key: 'showTiles' | 'showContours' | 'showShading' | 'showPModel' | 'showEps' | 'showAggregate',
    label: MessageId,
    title: MessageId,
    disabled = false,
  ) => (
    <label className="toggle" title={t(title)}>
      <input
        type="checkbox"
        checked={layers[key]}
        disabled={disabled}
        onChange={(e) => onLayers({ ...layers, [key]: e.currentTarget.checked })}
      />
      <span>{t(label)}</span>
    </label>
  );
  return (
    <div className="map-toolbar" role="toolbar" aria-label={t('map.layers')}>
      {toggle('showTiles', 'map.layers.tiles', 'map.layers.tiles.hint')}
      <label className="density" title={t('map.layers.density.hint')}>
        <span className="visually-hidden">{t('map.layers.density')}</span>
        <input
          type="range"
          aria-label={t('map.layers.density')}
          min={GRID_DENSITY_RANGE[0]}
          max={GRID_DENSITY_RANGE[1]}
          step={1}
          value={layers.perSide}
          disabled={!layers.showTiles}
          onChange={(e) => onLayers({ ...layers, perSide: Number(e.currentTarget.value) })}
        />
        <output className="density-value">
          {layers.perSide}×{layers.perSide}
        </output>
      </label>
      {toggle('showContours', 'map.layers.contours', 'map.layers.contours.hint')}
      {toggle('showShading', 'map.layers.shading', 'map.layers.shading.hint')}
      {toggle(
        'showPModel',
        'map.layers.pmodel',
        hasPModel ? 'map.layers.pmodel.hint' : 'map.layers.pmodel.none',
        !hasPModel,
      )}
      {isVae && toggle('showEps', 'map.layers.eps', 'map.layers.eps.hint')}
      {isVae && toggle('showAggregate', 'map.layers.aggregate', 'map.layers.aggregate.hint')}
    </div>
  );
});
