import { describeParams } from '../../shared/density';
import type { BoxLikelihood } from './use-box-likelihood';
import type { AppliedFit } from './use-density-fit';
import { formatNats } from './format';

interface FitSummaryProps {
  fit: AppliedFit | null;
  fitting: boolean;
  /** Set while the box family is chosen: its live θ and log L. */
  boxLive: BoxLikelihood | null;
  onMaximumLikelihood(): void;
}

/** θ of the fitted p_model with its notes; for the box, its live log-likelihood and the MLE button. */
export function FitSummary({ fit, fitting, boxLive, onMaximumLikelihood }: FitSummaryProps) {
  if (boxLive) return <BoxSummary live={boxLive} onMaximumLikelihood={onMaximumLikelihood} />;
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

function BoxSummary({ live, onMaximumLikelihood }: { live: BoxLikelihood; onMaximumLikelihood(): void }) {
  const atMle = sameBox(live.box, live.mle);
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
          {live.outside} codes outside → likelihood 0, log-likelihood −∞
        </p>
      )}
      <p className="gen-muted">Drag the box's corners or edges on the map.</p>
      <button type="button" className="btn" onClick={onMaximumLikelihood} disabled={atMle}>
        Maximum likelihood
      </button>
    </div>
  );
}

function sameBox(a: BoxLikelihood['box'], b: BoxLikelihood['box']): boolean {
  return a.min[0] === b.min[0] && a.min[1] === b.min[1] && a.max[0] === b.max[0] && a.max[1] === b.max[1];
}
