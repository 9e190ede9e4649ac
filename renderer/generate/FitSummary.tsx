import { describeParams, type Point2 } from '../../shared/density';
import { countOf } from '../../shared/wording';
import { BoxFields } from './BoxFields';
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
  if (boxLive) return <BoxSummary live={boxLive} onMaximumLikelihood={onMaximumLikelihood} onBox={onBox} />;
  if (!fit) return <p className="gen-muted">{fitting ? 'Fitting p_model…' : 'No fit yet.'}</p>;
  return (
    <div className="gen-fit" aria-label="Fitted parameters" data-family={fit.spec.family}>
      <p>
        θ = <span className="gen-theta">{describeParams(fit.params)}</span>
      </p>
      {!fit.generative && (
        <p className="gen-warn">
          Not a generative model: it always returns the same point, so it has no likelihood and its “samples”
          are all alike.
        </p>
      )}
      {fit.notes.map((note) => (
        <p key={note} className="gen-note">
          {note}
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
  const atMle = sameBox(live.box, live.mle);
  const span = Math.max(live.mle.max[0] - live.mle.min[0], live.mle.max[1] - live.mle.min[1]);
  const step = niceStep(span * KEY_STEP_SHARE);
  return (
    <div className="gen-fit" aria-label="Fitted parameters" data-family="box" data-outside={live.outside}>
      <p>
        θ = <span className="gen-theta">{live.theta}</span>
      </p>
      <p>
        log L(θ | X_train) per code:{' '}
        <output aria-label="Box log-likelihood">{formatNats(live.logLik)}</output>
      </p>
      {live.outside > 0 && (
        <p className="gen-warn" role="status">
          {countOf(live.outside, 'code')} outside → likelihood 0, log-likelihood −∞
        </p>
      )}
      <p className="gen-muted">Drag the box's corners or edges on the map, or set its sides here.</p>
      <BoxFields box={live.box} axes={['z₁', 'z₂']} step={step} onBox={onBox} />
      <button type="button" className="btn" onClick={onMaximumLikelihood} disabled={atMle}>
        Maximum likelihood
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
