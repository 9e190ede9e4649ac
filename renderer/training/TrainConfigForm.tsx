import { useState, type FormEvent } from 'react';
import {
  IMAGE_SIZES,
  TRAIN_CONFIG_LIMITS,
  type ImageSize,
  type TrainConfig,
} from '../../shared/train-config';
import type { MessageId } from '../../shared/i18n/catalogs';
import { useT } from '../i18n/I18nProvider';
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

const HINTS: Record<NumericField, MessageId> = {
  epochs: 'training.hint.epochs',
  datasetSize: 'training.hint.datasetSize',
  batchSize: 'training.hint.batchSize',
  learningRate: 'training.hint.learningRate',
  seed: 'training.hint.seed',
  beta: 'training.hint.beta',
  align: 'training.hint.align',
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
  const t = useT();
  const { config, errors } = validateDraft(draft, t);
  const field = (name: NumericField) => (
    <NumberField
      label={t(FIELD_LABELS[name])}
      value={draft[name]}
      onChange={(v) => {
        setTouched((was) => ({ ...was, [name]: true }));
        onDraft({ ...draft, [name]: v });
      }}
      error={errors[name]}
      showError={submitted || Boolean(touched[name])}
      hint={t(HINTS[name])}
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
    <form className="train-form" noValidate onSubmit={submit} aria-label={t('training.form.label')}>
      <fieldset disabled={locked}>
        <div className="form-row">
          <div className="segmented" role="radiogroup" aria-label={t('training.form.kind')}>
            {(['ae', 'vae'] as const).map((k) => (
              <label
                key={k}
                className="segment"
                data-checked={draft.kind === k}
                title={t(k === 'ae' ? 'training.form.aeTitle' : 'training.form.vaeTitle')}
              >
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={draft.kind === k}
                  onChange={() => onDraft({ ...draft, kind: k })}
                />
                {t(k === 'ae' ? 'training.form.ae' : 'training.form.vae')}
              </label>
            ))}
          </div>
          <label className="select-field">
            <span>{t('training.form.imageSize')}</span>
            <select
              value={draft.imageSize}
              onChange={(e) => onDraft({ ...draft, imageSize: Number(e.currentTarget.value) as ImageSize })}
            >
              {IMAGE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {t('training.form.imageSizeOption', { size: s })}
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
          {t('training.form.train')}
        </button>
        {config && (
          <p id="run-estimate" className="field-hint" data-testid="run-estimate">
            {t('training.form.estimate', { estimate: formatEstimate(estimateRunSeconds(config), t) })}
          </p>
        )}
        {submitted && !config && (
          <p className="field-error" role="alert">
            {t('training.form.fix')}
          </p>
        )}
      </fieldset>
    </form>
  );
}
