import { countOf } from '../../shared/wording';
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
  if (!scores) return null;
  const sampled = scores.samples > 0;
  return (
    <section className="card toy-card" aria-labelledby="toy-figures-title">
      <h3 id="toy-figures-title" className="card-title">
        Judging p_model against p_data
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
          <span className="toy-swatch toy-swatch-c" aria-hidden="true" /> plausible (C)
        </dt>
        <dd>{sampled ? `${countOf(scores.plausible, 'sample')} inside p_data's region` : 'sample to see'}</dd>
        <dt>
          <span className="toy-swatch toy-swatch-a" aria-hidden="true" /> looks wrong (A)
        </dt>
        <dd>
          {sampled
            ? `${countOf(scores.looksWrong, 'sample')} where p_data never puts points`
            : 'sample to see'}
        </dd>
        <dt>
          <span className="toy-swatch toy-swatch-b" aria-hidden="true" /> cannot generate (B)
        </dt>
        <dd>
          {pct(scores.regionCells > 0 ? scores.missedCells / scores.regionCells : NaN)} of the region outside
          p_model&apos;s 99 % region
        </dd>
        <dt>Precision</dt>
        <dd data-testid="toy-precision">{sampled ? pct(scores.precision) : '—'} of samples plausible</dd>
        <dt>Coverage (recall)</dt>
        <dd data-testid="toy-coverage">
          {pct(scores.coverage)} of the region inside p_model&apos;s 99 % region
        </dd>
      </dl>
    </section>
  );
}
