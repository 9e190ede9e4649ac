import { FACTORS, type Factor } from '../../shared/factors';
import type { MessageId } from '../../shared/i18n/catalogs';
import { useT } from '../i18n/I18nProvider';
import { viridisGradientCss } from '../latent-map/colormap';

const GRADIENT = viridisGradientCss();

/** Each factor's words (catalog ids): its label, and what its low and high ends look like. */
const FACTOR_WORDS: Record<Factor, { label: MessageId; low: MessageId; high: MessageId }> = {
  height: {
    label: 'manifold.legend.height',
    low: 'manifold.legend.height.low',
    high: 'manifold.legend.height.high',
  },
  radius: {
    label: 'manifold.legend.radius',
    low: 'manifold.legend.radius.low',
    high: 'manifold.legend.radius.high',
  },
};

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
  const t = useT();
  const low = t(FACTOR_WORDS[colorBy].low);
  const high = t(FACTOR_WORDS[colorBy].high);
  return (
    <footer className="manifold-legend" aria-label={t('manifold.legend.label')}>
      <div className="manifold-scale" title={t('manifold.legend.scaleTitle', { factor: colorBy })}>
        <span className="manifold-caption">{t('manifold.legend.true')}</span>
        <span className="manifold-toggle" role="group" aria-label={t('manifold.legend.colourBy')}>
          {FACTORS.map((c) => (
            <button
              key={c}
              type="button"
              className="btn btn-quiet"
              aria-pressed={colorBy === c}
              onClick={() => onColorByChange(c)}
            >
              {t(FACTOR_WORDS[c].label)}
            </button>
          ))}
        </span>
        <span className="manifold-end">{low} 0</span>
        <span className="manifold-bar" style={{ background: GRADIENT }} />
        <span className="manifold-end">1 {high}</span>
      </div>
      <ul className="manifold-keys">
        <li title={t('manifold.legend.surfaceTitle')}>
          <span className="key-swatch key-surface" aria-hidden="true" />
          {t('manifold.legend.surface', { n: perSide })}
        </li>
        <li title={t('manifold.legend.pointsTitle')}>
          <span className="key-swatch key-dot" aria-hidden="true" />
          {t('manifold.legend.points')}
        </li>
        <li title={t('manifold.legend.linesTitle')}>
          <span className="key-swatch key-line" aria-hidden="true" />
          {t('manifold.legend.lines')}
        </li>
        <li title={t('manifold.legend.markerTitle')}>
          <span className="key-swatch key-marker" aria-hidden="true" />
          {t('manifold.legend.marker')}
        </li>
      </ul>
      {breakdown && <p className="manifold-breakdown">{breakdown}</p>}
    </footer>
  );
}
