import { useEffect, useRef } from 'react';
import { COVERAGE_CELLS, type GenerationScores } from '../../shared/judge';
import { useT } from '../i18n/I18nProvider';
import { formatDistance, formatShare } from './format';

/** Displayed side of the coverage map, CSS pixels. */
const MAP_PX = 160;

/**
 * The (height, radius) square in 16 × 16 cells: a cell is lit by the plausible samples that reached
 * it, and dark where none did, i.e. the cylinders this p_model cannot generate (B). Height runs up,
 * radius to the right.
 */
export function CoverageMap({ coverage, scores }: { coverage: Uint16Array; scores: GenerationScores }) {
  const t = useT();
  const ref = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (ctx) drawCoverage(ctx, coverage);
  }, [coverage]);
  const covered = coverage.reduce((sum, c) => sum + (c > 0 ? 1 : 0), 0);
  const cells = COVERAGE_CELLS * COVERAGE_CELLS;
  return (
    <figure className="gen-coverage">
      <canvas
        ref={ref}
        width={COVERAGE_CELLS * 10}
        height={COVERAGE_CELLS * 10}
        style={{ width: MAP_PX, height: MAP_PX }}
        role="img"
        aria-label={t('generate.coverage', { covered, cells, missed: cells - covered })}
        data-covered={covered}
        data-cells={cells}
      />
      <figcaption>{t('generate.coverage.caption')}</figcaption>
      <dl className="gen-scores" aria-label={t('generate.scores')}>
        <dt>{t('generate.precision')}</dt>
        <dd data-score="precision">
          {t('generate.precision.value', { share: formatShare(scores.precision) })}
        </dd>
        <dt>{t('generate.recall')}</dt>
        <dd data-score="recall">
          {t('generate.recall.value', {
            share: formatShare(scores.recall),
            baseline: formatShare(scores.recallBaseline),
          })}
        </dd>
        <dt>{t('generate.novelty')}</dt>
        <dd data-score="novelty">
          {t('generate.novelty.value', {
            distance: formatDistance(scores.novelty),
            baseline: formatDistance(scores.noveltyBaseline),
          })}
        </dd>
      </dl>
    </figure>
  );
}

/** Lit cells brighter with more plausible samples; empty cells dark red (B). */
function drawCoverage(ctx: CanvasRenderingContext2D, coverage: Uint16Array): void {
  const side = ctx.canvas.width / COVERAGE_CELLS;
  const most = Math.max(1, ...coverage);
  for (let h = 0; h < COVERAGE_CELLS; h++) {
    for (let r = 0; r < COVERAGE_CELLS; r++) {
      const count = coverage[h * COVERAGE_CELLS + r] ?? 0;
      const light = Math.round(90 + 140 * Math.sqrt(count / most));
      ctx.fillStyle = count > 0 ? `rgb(${light - 40}, ${light}, ${light - 20})` : 'rgb(70, 22, 28)';
      // Height up: row 0 of the grid is the bottom of the picture.
      ctx.fillRect(r * side, (COVERAGE_CELLS - 1 - h) * side, side - 1, side - 1);
    }
  }
}
