import { DENSITY_LIMITS } from '../../shared/density';
import { RangeField } from '../explore/RangeField';
import { BoxFields } from '../generate/BoxFields';
import { familyName, noteText, thetaText } from '../generate/density-words';
import { useT } from '../i18n/I18nProvider';
import { TOY_FAMILIES } from './toy-model';
import type { ToyView } from './toy-engine';
import { ToyChoice } from './ToyChoice';
import { useSettledCommit } from './use-settled-commit';
import type { ToyActions } from './use-toy';

interface ToyModelControlsProps {
  state: ToyView;
  actions: ToyActions;
}

/** Nats with 3 decimals, or the symbol for log 0. */
function formatLogLik(v: number): string {
  return v === -Infinity ? '−∞' : v.toFixed(3);
}

/** p_model: the family, its settings, θ and the training log-likelihood. */
export function ToyModelControls({ state, actions }: ToyModelControlsProps) {
  const t = useT();
  const { model, family, settings, points } = state;
  const n = points.length / 2;
  const k = useSettledCommit(settings.k, (v) => actions.changeSettings({ k: v }));
  const bandwidth = useSettledCommit(settings.bandwidthFactor, (v) =>
    actions.changeSettings({ bandwidthFactor: v }),
  );
  return (
    <section className="card toy-card" aria-labelledby="toy-model-title">
      <h3 id="toy-model-title" className="card-title">
        {t('toy.model.title')}
      </h3>
      <ToyChoice
        label={t('toy.family')}
        name="toy-family"
        options={TOY_FAMILIES.map((id) => ({ id, label: familyName(t, id) }))}
        value={family}
        onChange={actions.chooseFamily}
      />
      {family === 'gmm' && (
        <RangeField
          label={t('toy.k')}
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
          label={t('toy.bandwidth')}
          value={bandwidth.shown}
          min={DENSITY_LIMITS.bandwidthFactor[0]}
          max={DENSITY_LIMITS.bandwidthFactor[1]}
          step={0.05}
          onChange={bandwidth.change}
          hint={t('toy.bandwidth.hint')}
        />
      )}
      {model && (
        <dl className="toy-theta">
          <dt>θ</dt>
          <dd data-testid="toy-theta">{thetaText(t, model.params)}</dd>
          {model.notes.map((note) => (
            <dd key={note} className="muted">
              {noteText(t, note)}
            </dd>
          ))}
          <dt>{t('toy.logLik')}</dt>
          <dd data-testid="toy-loglik" data-value={model.generative ? String(model.logLik) : ''}>
            {model.generative
              ? t('toy.logLik.value', { value: formatLogLik(model.logLik), n: String(n) })
              : t('toy.logLik.none')}
          </dd>
          {model.generative && model.outside > 0 && (
            <dd className="toy-outside" data-testid="toy-outside">
              {t('toy.outside', { count: model.outside })}
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
            {t('toy.maximumLikelihood')}
          </button>
          <span className="field-hint">{t('toy.maximumLikelihood.hint')}</span>
        </div>
      )}
    </section>
  );
}
