import { memo } from 'react';
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
  const toggle = (
    key: 'showTiles' | 'showContours' | 'showShading' | 'showPModel' | 'showEps' | 'showAggregate',
    label: string,
    title: string,
    disabled = false,
  ) => (
    <label className="toggle" title={title}>
      <input
        type="checkbox"
        checked={layers[key]}
        disabled={disabled}
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
        'Off-manifold',
        'Off-manifold shading: dims regions far from every encoded image, where decoding leaves the data the model saw.',
      )}
      {toggle(
        'showPModel',
        'p_model',
        hasPModel
          ? 'The fitted p_model: its density, its 50 / 90 / 99 % highest-density regions, its samples and the draggable box.'
          : 'Fit a p_model in the Generate panel to draw it here.',
        !hasPModel,
      )}
      {isVae &&
        toggle(
          'showEps',
          'ε draws',
          'Resample ε: the encoder gives each image a distribution, not a point. With this on, hovering an image shows fresh draws z = μ + σ·ε from it, twice a second: the same image lands on different z.',
        )}
      {isVae &&
        toggle(
          'showAggregate',
          'Aggregate q(z)',
          'The aggregate posterior q(z) = (1/N) Σ q(z|xᵢ) over the validation images: its 50 / 90 / 99 % highest-density contours, against the prior N(0, I)’s circles. Where they part, the codes leave part of the prior empty or spill past it.',
        )}
    </div>
  );
});
