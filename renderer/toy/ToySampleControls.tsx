import { useState } from 'react';
import { DENSITY_LIMITS } from '../../shared/density';
import { RangeField } from '../explore/RangeField';
import { useT } from '../i18n/I18nProvider';
import type { ToyView } from './toy-engine';
import type { ToyActions } from './use-toy';

interface ToySampleControlsProps {
  state: ToyView;
  actions: ToyActions;
}

/** The typed seed; an empty field is no number (refused with a message), not seed 0. */
const parseSeed = (text: string) => (text.trim() === '' ? NaN : Number(text));

/** Sampling p_model: how many, how spread (temperature), and a seed that reproduces them. */
export function ToySampleControls({ state, actions }: ToySampleControlsProps) {
  const t = useT();
  const [seedText, setSeedText] = useState('1');
  const generative = state.model?.generative ?? false;
  const sample = (seed: number) => {
    setSeedText(String(seed));
    actions.sample(seed);
  };
  return (
    <section className="card toy-card" aria-labelledby="toy-sample-title">
      <h3 id="toy-sample-title" className="card-title">
        {t('toy.sample.title')}
      </h3>
      <RangeField
        label={t('toy.samplesM')}
        value={state.sampleCount}
        min={DENSITY_LIMITS.sampleCount[0]}
        max={DENSITY_LIMITS.sampleCount[1]}
        step={16}
        readout={state.sampleCount}
        onChange={(m) => actions.setSampling(m, state.temperature)}
      />
      <RangeField
        label={t('toy.temperature')}
        value={state.temperature}
        min={DENSITY_LIMITS.temperature[0]}
        max={DENSITY_LIMITS.temperature[1]}
        step={0.1}
        onChange={(t) => actions.setSampling(state.sampleCount, t)}
        hint={t('toy.temperature.hint')}
      />
      {!generative && state.model && <p className="field-hint">{t('toy.meanNotGenerative')}</p>}
      <div className="button-row">
        <label className="toy-seed">
          {t('toy.seed')}{' '}
          <input
            type="number"
            step={1}
            value={seedText}
            onChange={(e) => setSeedText(e.currentTarget.value)}
            aria-label={t('toy.seed.label')}
          />
        </label>
        <button type="button" className="btn btn-primary" onClick={() => sample(parseSeed(seedText))}>
          {t('toy.sample')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!state.samples}
          onClick={() => sample((state.samples?.seed ?? 0) + 1)}
        >
          {t('toy.sampleAgain')}
        </button>
      </div>
      {state.samples && (
        <p className="muted" data-testid="toy-sample-seed">
          {t('toy.samples.summary', {
            count: state.samples.labels.length,
            seed: String(state.samples.seed),
            temperature: state.temperature.toFixed(1),
          })}
        </p>
      )}
    </section>
  );
}
