import type { Judgement } from '../../shared/judge';
import { useT } from '../i18n/I18nProvider';

const W = 256;
const H = 92;
const PAD = { left: 26, right: 6, top: 6, bottom: 16 };

/**
 * Edit purity: the judged height and radius of each image of a strip (the nearest true cylinder,
 * shared/judge). A clean "taller" walk raises the height line and leaves the radius line flat.
 */
export function PurityChart({ judged, label }: { judged: readonly Judgement[]; label: string }) {
  const t = useT();
  if (judged.length === 0) return null;
  const x = (i: number) =>
    PAD.left + (judged.length === 1 ? 0 : (i / (judged.length - 1)) * (W - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + (1 - v) * (H - PAD.top - PAD.bottom);
  const line = (pick: (j: Judgement) => number) =>
    judged.map((j, i) => `${x(i).toFixed(1)},${y(pick(j)).toFixed(1)}`).join(' ');
  return (
    <figure className="purity-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={label}
        data-testid="purity-chart"
        data-heights={judged.map((j) => j.height.toFixed(3)).join(',')}
        data-radii={judged.map((j) => j.radius.toFixed(3)).join(',')}
      >
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="purity-grid" />
            <text x={PAD.left - 4} y={y(v) + 3} textAnchor="end" className="purity-tick">
              {v}
            </text>
          </g>
        ))}
        <polyline points={line((j) => j.height)} className="purity-height" />
        <polyline points={line((j) => j.radius)} className="purity-radius" />
        <text x={PAD.left} y={H - 3} className="purity-tick">
          {t('walk.purity.axis')}
        </text>
      </svg>
      <figcaption className="muted">
        <span className="swatch-height" aria-hidden="true" /> {t('walk.purity.height')}{' '}
        <span className="swatch-radius" aria-hidden="true" /> {t('walk.purity.radius')}
      </figcaption>
    </figure>
  );
}
