import { useState } from 'react';
import { DENSITY_LIMITS } from '../../shared/density';
import { countOf } from '../../shared/wording';
import { RangeField } from '../explore/RangeField';
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
  const [seedText, setSeedText] = useState('1');
  const generative = state.model?.generative ?? false;
  const sample = (seed: number) => {
    setSeedText(String(seed));
    actions.sample(seed);
  };
  return (
    <section className="card toy-card" aria-labelledby="toy-sample-title">
      <h3 id="toy-sample-title" className="card-title">
        Sample from p_model
      </h3>
      <RangeField
        label="Samples M"
        value={state.sampleCount}
        min={DENSITY_LIMITS.sampleCount[0]}
        max={DENSITY_LIMITS.sampleCount[1]}
        step={16}
        readout={state.sampleCount}
        onChange={(m) => actions.setSampling(m, state.temperature)}
      />
      <RangeField
        label="Temperature"
        value={state.temperature}
        min={DENSITY_LIMITS.temperature[0]}
        max={DENSITY_LIMITS.temperature[1]}
        step={0.1}
        onChange={(t) => actions.setSampling(state.sampleCount, t)}
        hint="Scales the spread about the centre: below 1 safer samples, above 1 bolder ones."
      />
      {!generative && state.model && (
        <p className="field-hint">
          The mean point is not a generative model: every sample is the same point.
        </p>
      )}
      <div className="button-row">
        <label className="toy-seed">
          Seed{' '}
          <input
            type="number"
            step={1}
            value={seedText}
            onChange={(e) => setSeedText(e.currentTarget.value)}
            aria-label="Sample seed"
          />
        </label>
        <button type="button" className="btn btn-primary" onClick={() => sample(parseSeed(seedText))}>
          Sample
        </button>
        <button
          type="button"
          className="btn"
          disabled={!state.samples}
          onClick={() => sample((state.samples?.seed ?? 0) + 1)}
        >
          Sample again
        </button>
      </div>
      {state.samples && (
        <p className="muted" data-testid="toy-sample-seed">
          {countOf(state.samples.labels.length, 'sample')}, seed {state.samples.seed}, temperature{' '}
          {state.temperature.toFixed(1)}
        </p>
      )}
    </section>
  );
}
