import { DENSITY_LIMITS, describeParams, familyLabel } from '../../shared/density';
import { countOf } from '../../shared/wording';
import { RangeField } from '../explore/RangeField';
import { BoxFields } from '../generate/BoxFields';
import { TOY_FAMILIES } from './toy-model';
import type { ToyView } from './toy-engine';
import { ToyChoice } from './ToyChoice';
import { useSettledCommit } from './use-settled-commit';
import type { ToyActions } from './use-toy';

interface ToyModelControlsProps {
  state: ToyView;
  actions: ToyActions;
}

const FAMILY_OPTIONS = TOY_FAMILIES.map((id) => ({ id, label: familyLabel(id) }));

/** Nats with 3 decimals, or the symbol for log 0. */
function formatLogLik(v: number): string {
  return v === -Infinity ? '−∞' : v.toFixed(3);
}

/** p_model: the family, its settings, θ and the training log-likelihood. */
export function ToyModelControls({ state, actions }: ToyModelControlsProps) {
  const { model, family, settings, points } = state;
  const n = points.length / 2;
  const k = useSettledCommit(settings.k, (v) => actions.changeSettings({ k: v }));
  const bandwidth = useSettledCommit(settings.bandwidthFactor, (v) =>
    actions.changeSettings({ bandwidthFactor: v }),
  );
  return (
    <section className="card toy-card" aria-labelledby="toy-model-title">
      <h3 id="toy-model-title" className="card-title">
        p_model: fitted by maximum likelihood
      </h3>
      <ToyChoice
        label="Family"
        name="toy-family"
        options={FAMILY_OPTIONS}
        value={family}
        onChange={actions.chooseFamily}
      />
      {family === 'gmm' && (
        <RangeField
          label="Components k"
          value={k.shown}
          min={DENSITY_LIMITS.k[0]}
          max={DENSITY_LIMITS.k[1]}
          step={1}
          readout={k.shown}
          onChange={k.change}
        />
      )}
      {family === 'kde' && (
        <RangeField
          label="Bandwidth × Scott's rule"
          value={bandwidth.shown}
          min={DENSITY_LIMITS.bandwidthFactor[0]}
          max={DENSITY_LIMITS.bandwidthFactor[1]}
          step={0.05}
          onChange={bandwidth.change}
          hint="Small bandwidths hug the training points: high training likelihood, spiky p_model."
        />
      )}
      {model && (
        <dl className="toy-theta">
          <dt>θ</dt>
          <dd data-testid="toy-theta">{describeParams(model.params)}</dd>
          {model.notes.map((note) => (
            <dd key={note} className="muted">
              {note}
            </dd>
          ))}
          <dt>log L(θ | X) / N</dt>
          <dd data-testid="toy-loglik" data-value={model.generative ? String(model.logLik) : ''}>
            {model.generative ? (
              <>
                {formatLogLik(model.logLik)} nats per point (N = {n})
              </>
            ) : (
              'not a generative model: a fixed point has no likelihood'
            )}
          </dd>
          {model.generative && model.outside > 0 && (
            <dd className="toy-outside" data-testid="toy-outside">
              {countOf(model.outside, 'point')} outside → likelihood 0, log-likelihood −∞
            </dd>
          )}
        </dl>
      )}
      {family === 'box' && state.box && (
        <BoxFields
          box={state.box}
          axes={['x', 'y']}
          step={0.01}
          onBox={(min, max) => actions.moveBox({ min, max })}
        />
      )}
      {family === 'box' && (
        <div className="button-row">
          <button type="button" className="btn" onClick={actions.maximumLikelihood}>
            Maximum likelihood
          </button>
          <span className="field-hint">The smallest box holding every training point.</span>
        </div>
      )}
    </section>
  );
}
