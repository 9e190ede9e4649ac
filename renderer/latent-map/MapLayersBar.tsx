import { memo } from 'react';
import { GRID_DENSITY_RANGE, type MapLayers } from './map-content';

interface MapLayersBarProps {
  layers: MapLayers;
  onLayers(l: MapLayers): void;
}

/** The map's toolbar: show, hide and tune each layer. */
export const MapLayersBar = memo(function MapLayersBar({ layers, onLayers }: MapLayersBarProps) {
  const toggle = (key: 'showTiles' | 'showContours' | 'showShading', label: string, title: string) => (
    <label className="toggle" title={title}>
      <input
        type="checkbox"
        checked={layers[key]}
        onChange={(e) => onLayers({ ...layers, [key]: e.currentTarget.checked })}
      />
      <span>{label}</span>
    </label>
  );
  return (
    <div className="map-toolbar" role="toolbar" aria-label="Map layers">
      {toggle(
        'showTiles',
        'Decoded grid',
        'Behind the points: f(z) decoded on a grid of latent points — the decoder’s picture of the whole latent space.',
      )}
      <label className="density" title="Decoded images per side of the grid (one batched decode).">
        <span className="visually-hidden">Grid density</span>
        <input
          type="range"
          aria-label="Grid density"
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
      {toggle(
        'showContours',
        'Iso-lines',
        'Iso-height and iso-radius lines, estimated from the encoded images (kNN on a grid, then marching squares): the learned coordinate system of the manifold.',
      )}
      {toggle(
        'showShading',
        'Off-manifold shading',
        'Dims regions far from every encoded image: decoding there leaves the data the model saw.',
      )}
    </div>
  );
});
