import { useT } from '../i18n/I18nProvider';
import type { ToyScores } from './toy-score';

interface ToyFiguresProps {
  scores: ToyScores | null;
}

const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : '—');

/**
 * The toy's verdict, exact because p_data is known: samples that look wrong (A), the part of the
 * region p_model cannot generate (B), plausible samples (C), with precision and coverage.
 */
export function ToyFigures({ scores }: ToyFiguresProps) {
  const t = useT();
  if (!scores) return null;
  const sampled = scores.samples > 0;
  return (
    <section className="card toy-card" aria-labelledby="toy-figures-title">
      <h3 id="toy-figures-title" className="card-title">
        {t('toy.figures.title')}
      </h3>
      <dl
        className="toy-figures"
        data-testid="toy-figures"
        data-precision={sampled ? scores.precision.toFixed(4) : ''}
        data-coverage={scores.coverage.toFixed(4)}
        data-a={scores.looksWrong}
        data-b={scores.missedCells}
        data-c={scores.plausible}
      >
        <dt>
          <span className="toy-swatch toy-swatch-c" aria-hidden="true" /> {t('toy.plausible')}
        </dt>
        <dd>{sampled ? t('toy.plausible.value', { count: scores.plausible }) : t('toy.sampleToSee')}</dd>
        <dt>
          <span className="toy-swatch toy-swatch-a" aria-hidden="true" /> {t('toy.looksWrong')}
        </dt>
        <dd>{sampled ? t('toy.looksWrong.value', { count: scores.looksWrong }) : t('toy.sampleToSee')}</dd>
        <dt>
          <span className="toy-swatch toy-swatch-b" aria-hidden="true" /> {t('toy.cannotGenerate')}
        </dt>
        <dd>
          {t('toy.cannotGenerate.value', {
            share: pct(scores.regionCells > 0 ? scores.missedCells / scores.regionCells : NaN),
          })}
        </dd>
        <dt>{t('toy.precision')}</dt>
        <dd data-testid="toy-precision">
          {t('toy.precision.value', { share: sampled ? pct(scores.precision) : '—' })}
        </dd>
        <dt>{t('toy.coverage')}</dt>
        <dd data-testid="toy-coverage">{t('toy.coverage.value', { share: pct(scores.coverage) })}</dd>
      </dl>
    </section>
  );
}
