import { useState, type FormEvent } from 'react';
import {
  IMAGE_SIZES,
  TRAIN_CONFIG_LIMITS,
  type ImageSize,
  type TrainConfig,
} from '../../shared/train-config';
import { NumberField } from './NumberField';
import { estimateRunSeconds, formatEstimate } from './run-estimate';
import { FIELD_LABELS, validateDraft, type ConfigDraft, type NumericField } from './validate-config';

interface TrainConfigFormProps {
  draft: ConfigDraft;
  onDraft(d: ConfigDraft): void;
  /** Locked while a run is underway. */
  locked: boolean;
  onTrain(config: TrainConfig): void;
}

const HINTS: Record<NumericField, string> = {
  epochs: 'Passes over the training images.',
  datasetSize: 'Cylinder images generated (train + validation) from random heights and radii.',
  batchSize: 'Images per gradient step.',
  learningRate: 'Adam step size; too large and the loss can diverge (NaN).',
  seed: 'Seeds the data set and the initial weights: the same seed gives the same model.',
  beta: 'VAE only: weight of the KL term that pulls the codes toward the prior N(0, I).',
  align: 'Pulls z toward the true (height, radius). 0: the machine must discover the representation alone.',
};

const STEPS: Record<NumericField, number | 'any'> = {
  epochs: 1,
  datasetSize: 100,
  batchSize: 8,
  learningRate: 'any',
  seed: 1,
  beta: 'any',
  align: 'any',
};

/** The training config: bounds from TRAIN_CONFIG_LIMITS, a clear message under each bad field. */
export function TrainConfigForm({ draft, onDraft, locked, onTrain }: TrainConfigFormProps) {
  const [submitted, setSubmitted] = useState(false);
  const [touched, setTouched] = useState<Partial<Record<NumericField, boolean>>>({});
  const { config, errors } = validateDraft(draft);
  const field = (name: NumericField) => (
    <NumberField
      label={FIELD_LABELS[name]}
      value={draft[name]}
      onChange={(v) => {
        setTouched((t) => ({ ...t, [name]: true }));
        onDraft({ ...draft, [name]: v });
      }}
      error={errors[name]}
      showError={submitted || Boolean(touched[name])}
      hint={HINTS[name]}
      min={TRAIN_CONFIG_LIMITS[name][0]}
      max={TRAIN_CONFIG_LIMITS[name][1]}
      step={STEPS[name]}
      disabled={name === 'beta' && draft.kind !== 'vae'}
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (config) onTrain(config);
  };
  return (
    <form className="train-form" noValidate onSubmit={submit} aria-label="Training configuration">
      <fieldset disabled={locked}>
        <div className="form-row">
          <div className="segmented" role="radiogroup" aria-label="Model kind">
            {(['ae', 'vae'] as const).map((k) => (
              <label
                key={k}
                className="segment"
                data-checked={draft.kind === k}
                title={
                  k === 'ae'
                    ? 'Plain autoencoder: encoder → 2 numbers → decoder f.'
                    : 'Variational autoencoder: a probabilistic latent space with a prior to sample from.'
                }
              >
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={draft.kind === k}
                  onChange={() => onDraft({ ...draft, kind: k })}
                />
                {k === 'ae' ? 'Autoencoder' : 'VAE'}
              </label>
            ))}
          </div>
          <label className="select-field">
            <span>Image size</span>
            <select
              value={draft.imageSize}
              onChange={(e) => onDraft({ ...draft, imageSize: Number(e.currentTarget.value) as ImageSize })}
            >
              {IMAGE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {s}×{s} px
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="form-grid">
          {field('epochs')}
          {field('datasetSize')}
          {field('batchSize')}
          {field('learningRate')}
          {field('seed')}
          {field('align')}
          {field('beta')}
        </div>
        <button
          type="submit"
          className="btn btn-primary btn-wide"
          aria-describedby={config ? 'run-estimate' : undefined}
        >
          Train
        </button>
        {config && (
          <p id="run-estimate" className="field-hint" data-testid="run-estimate">
            Estimated time: {formatEstimate(estimateRunSeconds(config))}
          </p>
        )}
        {submitted && !config && (
          <p className="field-error" role="alert">
            Fix the highlighted fields to start training.
          </p>
        )}
      </fieldset>
    </form>
  );
}
