import { FACTOR_WORDS, FACTORS, type Factor } from '../../shared/factors';
import { viridisGradientCss } from '../latent-map/colormap';

const GRADIENT = viridisGradientCss();

interface ManifoldLegendProps {
  colorBy: Factor;
  onColorByChange(c: Factor): void;
  perSide: number;
  /** Per-component share of variance, e.g. "PC1 51.0% · PC2 24.3% · PC3 12.1%". */
  breakdown: string;
}

/**
 * Key to the 3-D view: the colour scale with the factor it shows (a toggle, beside the scale it
 * changes), and what the surface, points, lines and marker are.
 */
export function ManifoldLegend({ colorBy, onColorByChange, perSide, breakdown }: ManifoldLegendProps) {
  const { low, high } = FACTOR_WORDS[colorBy];
  return (
    <footer className="manifold-legend" aria-label="3-D view legend">
      <div
        className="manifold-scale"
        title={`Colour: the true ${colorBy} (viridis, 0 to 1); on the surface, estimated from the nearest encoded images.`}
      >
        <span className="manifold-caption">True</span>
        <span className="manifold-toggle" role="group" aria-label="Colour the 3-D view by">
          {FACTORS.map((c) => (
            <button
              key={c}
              type="button"
              className="btn btn-quiet"
              aria-pressed={colorBy === c}
              onClick={() => onColorByChange(c)}
            >
              {FACTOR_WORDS[c].label}
            </button>
          ))}
        </span>
        <span className="manifold-end">{low} 0</span>
        <span className="manifold-bar" style={{ background: GRADIENT }} />
        <span className="manifold-end">1 {high}</span>
      </div>
      <ul className="manifold-keys">
        <li title="Each vertex is the decoded image of one latent grid point, placed by its pixels' top 3 principal components.">
          <span className="key-swatch key-surface" aria-hidden="true" />
          decoded {perSide}×{perSide} grid
        </li>
        <li title="The validation images themselves (their true pixels), projected the same way.">
          <span className="key-swatch key-dot" aria-hidden="true" />
          validation images
        </li>
        <li title="Faint lines join each validation image to its reconstruction (its code, decoded), which lies on the surface: their length is the reconstruction error.">
          <span className="key-swatch key-line" aria-hidden="true" />
          to reconstruction
        </li>
        <li title="The image decoded at the current latent point z.">
          <span className="key-swatch key-marker" aria-hidden="true" />
          current z
        </li>
      </ul>
      {breakdown && <p className="manifold-breakdown">{breakdown}</p>}
    </footer>
  );
}
