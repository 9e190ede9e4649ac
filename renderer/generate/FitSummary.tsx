import type { Point2 } from '../../shared/density';
import { useT } from '../i18n/I18nProvider';
import { BoxFields } from './BoxFields';
import { noteText, thetaText } from './density-words';
import type { BoxLikelihood } from './use-box-likelihood';
import type { AppliedFit } from './use-density-fit';
import { formatNats } from './format';

interface FitSummaryProps {
  fit: AppliedFit | null;
  fitting: boolean;
  /** Set while the box family is chosen: its live θ and log L. */
  boxLive: BoxLikelihood | null;
  onMaximumLikelihood(): void;
  /** A box set from the keyboard (its side fields). */
  onBox(min: Point2, max: Point2): void;
}

/** θ of the fitted p_model with its notes; for the box, its live log-likelihood and the MLE button. */
export function FitSummary({ fit, fitting, boxLive, onMaximumLikelihood, onBox }: FitSummaryProps) {
  const t = useT();
  if (boxLive) return <BoxSummary live={boxLive} onMaximumLikelihood={onMaximumLikelihood} onBox={onBox} />;
  if (!fit) return <p className="gen-muted">{t(fitting ? 'generate.fitting' : 'generate.noFit')}</p>;
  return (
    <div className="gen-fit" aria-label={t('generate.fitted')} data-family={fit.spec.family}>
      <p>
        θ = <span className="gen-theta">{thetaText(t, fit.params)}</span>
      </p>
      {!fit.generative && <p className="gen-warn">{t('generate.notGenerative.warn')}</p>}
      {fit.notes.map((note) => (
        <p key={note} className="gen-note">
          {noteText(t, note)}
        </p>
      ))}
    </div>
  );
}

interface BoxSummaryProps {
  live: BoxLikelihood;
  onMaximumLikelihood(): void;
  onBox(min: Point2, max: Point2): void;
}

/** Arrow keys move a side by this share of the maximum-likelihood box's larger span. */
const KEY_STEP_SHARE = 0.02;

function BoxSummary({ live, onMaximumLikelihood, onBox }: BoxSummaryProps) {
  const t = useT();
  const atMle = sameBox(live.box, live.mle);
  const span = Math.max(live.mle.max[0] - live.mle.min[0], live.mle.max[1] - live.mle.min[1]);
  const step = niceStep(span * KEY_STEP_SHARE);
  return (
    <div className="gen-fit" aria-label={t('generate.fitted')} data-family="box" data-outside={live.outside}>
      <p>
        θ = <span className="gen-theta">{thetaText(t, { family: 'box', ...live.box })}</span>
      </p>
      <p>
        {t('generate.box.logLik')}{' '}
        <output aria-label={t('generate.box.logLikLabel')}>{formatNats(live.logLik)}</output>
      </p>
      {live.outside > 0 && (
        <p className="gen-warn" role="status">
          {t('generate.box.outside', { count: live.outside })}
        </p>
      )}
      <p className="gen-muted">{t('generate.box.drag')}</p>
      <BoxFields box={live.box} axes={['z₁', 'z₂']} step={step} onBox={onBox} />
      <button type="button" className="btn" onClick={onMaximumLikelihood} disabled={atMle}>
        {t('generate.maximumLikelihood')}
      </button>
    </div>
  );
}

function sameBox(a: BoxLikelihood['box'], b: BoxLikelihood['box']): boolean {
  return a.min[0] === b.min[0] && a.min[1] === b.min[1] && a.max[0] === b.max[0] && a.max[1] === b.max[1];
}

/** The 1, 2 or 5 × 10ⁿ nearest below `v` (> 0), so arrow steps land on round numbers. */
export function niceStep(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 0.01;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}
