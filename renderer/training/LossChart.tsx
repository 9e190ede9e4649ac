import { useT } from '../i18n/I18nProvider';
import type { LossPoint } from '../state/training-reducer';
import { CHART_PADDING, lossChartGeometry } from './loss-chart';

const WIDTH = 268;
const HEIGHT = 132;

/**
 * Train (per report) and validation (per epoch) loss curves on a log scale, and, when the loss has
 * more terms than the reconstruction (a VAE's KL, an alignment), the reconstruction term alone:
 * the gap between it and the train curve is what the other terms add.
 */
export function LossChart({
  train,
  val,
  recon = [],
  kl = [],
  epochs,
}: {
  train: LossPoint[];
  val: LossPoint[];
  recon?: LossPoint[];
  /** A VAE's KL term as the loss adds it (β·KL per pixel). */
  kl?: LossPoint[];
  epochs: number;
}) {
  const t = useT();
  const g = lossChartGeometry(train, val, epochs, WIDTH, HEIGHT, recon, kl);
  const bottom = HEIGHT - CHART_PADDING.bottom;
  return (
    <figure className="loss-chart">
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('training.chart.label', { train: train.length, val: val.length })}
        data-testid="loss-chart"
        data-train-points={train.length}
        data-val-points={val.length}
        data-recon-points={recon.length}
        data-kl-points={kl.length}
      >
        {g.yTicks.map((t) => (
          <g key={`y${t.label}`}>
            <line
              x1={CHART_PADDING.left}
              x2={WIDTH - CHART_PADDING.right}
              y1={t.at}
              y2={t.at}
              className="chart-grid"
            />
            <text x={CHART_PADDING.left - 5} y={t.at + 3} textAnchor="end" className="chart-tick">
              {t.label}
            </text>
          </g>
        ))}
        {g.xTicks.map((t) => (
          <text key={`x${t.label}`} x={t.at} y={bottom + 13} textAnchor="middle" className="chart-tick">
            {t.label}
          </text>
        ))}
        <line
          x1={CHART_PADDING.left}
          x2={WIDTH - CHART_PADDING.right}
          y1={bottom}
          y2={bottom}
          className="chart-axis"
        />
        <path d={g.trainPath} className="chart-train" />
        {g.reconPath && <path d={g.reconPath} className="chart-recon" />}
        {g.klPath && <path d={g.klPath} className="chart-kl" />}
        <path d={g.valPath} className="chart-val" />
        {g.valDots.map((d, i) => (
          <circle key={i} cx={d.x} cy={d.y} r={2.2} className="chart-val-dot" />
        ))}
      </svg>
      <figcaption>
        <span className="swatch-train" aria-hidden="true" /> {t('training.chart.train')}{' '}
        <span className="swatch-val" aria-hidden="true" /> {t('training.chart.validation')}
        {recon.length > 0 && (
          <>
            {' '}
            <span className="swatch-recon" aria-hidden="true" /> {t('training.chart.recon')}
          </>
        )}
        {kl.length > 0 && (
          <>
            {' '}
            <span className="swatch-kl" aria-hidden="true" /> {t('training.chart.kl')}
          </>
        )}{' '}
        {t('training.chart.axis')}
      </figcaption>
    </figure>
  );
}
