import type { LadderPoint } from '../../shared/api';
import { useT } from '../i18n/I18nProvider';
import { viridisCss } from '../latent-map/colormap';
import { ladderLabel } from './slot-choices';
import { rowsByBeta } from './ladder-stats';

const W = 320;
const H = 210;
const PAD = { left: 44, right: 12, top: 12, bottom: 34 };
/** Rates below this (a collapsed encoder: 0 nats) sit at the log axis' left edge. */
const MIN_RATE = 0.05;
const RATE_TICKS = [0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000];

/**
 * The rate–distortion curve of the β ladder: each trained model is a point (rate: KL from the
 * prior, nats; distortion: validation NMSE), the line joins each β's mean. Low β buys low
 * distortion with a high rate; high β squeezes the rate and the images blur. A click opens the
 * model in a Compare slot.
 */
export function RateDistortionChart({
  points,
  onOpen,
}: {
  points: readonly LadderPoint[];
  onOpen(p: LadderPoint): void;
}) {
  const t = useT();
  // Rate on a log axis: β = 0 leaves the KL unchecked (100+ nats) while β ≥ 0.1 keep it near 1–10.
  const rates = points.map((p) => Math.max(MIN_RATE, p.rate));
  const lo = Math.log10(Math.min(1, ...rates)) - 0.1;
  const hi = Math.log10(Math.max(10, ...rates)) + 0.1;
  const maxNmse = Math.max(0.05, ...points.map((p) => p.nmse)) * 1.08;
  const x = (rate: number) =>
    PAD.left + ((Math.log10(Math.max(MIN_RATE, rate)) - lo) / (hi - lo)) * (W - PAD.left - PAD.right);
  const y = (nmse: number) => H - PAD.bottom - (nmse / maxNmse) * (H - PAD.top - PAD.bottom);
  const betas = [...new Set(points.map((p) => p.beta))].sort((a, b) => a - b);
  const colour = (beta: number) =>
    viridisCss(betas.length > 1 ? betas.indexOf(beta) / (betas.length - 1) : 0.5);
  const means = rowsByBeta(points);
  const ticks = (max: number) => [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const rateTicks = RATE_TICKS.filter((t) => Math.log10(t) >= lo && Math.log10(t) <= hi);
  return (
    <svg
      className="rd-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={t('compare.chart')}
      data-testid="rd-chart"
      data-points={points.length}
    >
      {rateTicks.map((t) => (
        <g key={`x${t}`}>
          <line x1={x(t)} x2={x(t)} y1={PAD.top} y2={H - PAD.bottom} className="rd-grid" />
          <text x={x(t)} y={H - PAD.bottom + 13} className="rd-tick" textAnchor="middle">
            {t}
          </text>
        </g>
      ))}
      {ticks(maxNmse).map((t) => (
        <g key={`y${t}`}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="rd-grid" />
          <text x={PAD.left - 5} y={y(t) + 3} className="rd-tick" textAnchor="end">
            {t.toFixed(2)}
          </text>
        </g>
      ))}
      <text x={(W + PAD.left) / 2} y={H - 4} className="rd-axis" textAnchor="middle">
        {t('compare.chart.rate')}
      </text>
      <text
        x={11}
        y={(H - PAD.bottom) / 2}
        className="rd-axis"
        textAnchor="middle"
        transform={`rotate(-90 11 ${(H - PAD.bottom) / 2})`}
      >
        {t('compare.chart.distortion')}
      </text>
      {means.length > 1 && (
        <polyline
          className="rd-line"
          points={means.map((m) => `${x(m.rate.mean)},${y(m.nmse.mean)}`).join(' ')}
        />
      )}
      {points.map((p) => {
        const words = { label: ladderLabel(t, p), rate: p.rate.toFixed(2), nmse: p.nmse.toFixed(3) };
        return (
          <circle
            key={p.id}
            className="rd-point"
            data-beta={p.beta}
            data-seed={p.seed}
            cx={x(p.rate)}
            cy={y(p.nmse)}
            r={5}
            fill={colour(p.beta)}
            tabIndex={0}
            role="button"
            aria-label={t('compare.chart.point', words)}
            onClick={() => onOpen(p)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') onOpen(p);
            }}
          >
            <title>{t('compare.chart.pointTitle', words)}</title>
          </circle>
        );
      })}
      {means.map((m, k) => {
        // Neighbouring β often sit close: labels alternate above and below, and turn inward at the right edge.
        const px = x(m.rate.mean);
        const right = px > W - PAD.right - 40;
        return (
          <text
            key={`l${m.beta}`}
            x={right ? px - 7 : px + 7}
            y={y(m.nmse.mean) + (k % 2 === 0 ? -7 : 13)}
            className="rd-label"
            textAnchor={right ? 'end' : 'start'}
          >
            β={m.beta}
          </text>
        );
      })}
    </svg>
  );
}
