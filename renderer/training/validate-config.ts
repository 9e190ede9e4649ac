import { DEFAULT_TRAIN_CONFIG, IMAGE_SIZES, TRAIN_CONFIG_LIMITS } from '../../shared/api';
import type { ImageSize, ModelKind, TrainConfig } from '../../shared/api';

/** The numeric fields of the form, as the user typed them. */
export const NUMERIC_FIELDS = [
  'epochs',
  'datasetSize',
  'batchSize',
  'learningRate',
  'seed',
  'beta',
  'align',
] as const;
export type NumericField = (typeof NUMERIC_FIELDS)[number];

/** The form's state: numbers stay text until they are valid, so the user can type freely. */
export type ConfigDraft = Record<NumericField, string> & { imageSize: ImageSize; kind: ModelKind };

/** Fields that must be whole numbers. */
const INTEGER_FIELDS: ReadonlySet<NumericField> = new Set(['epochs', 'datasetSize', 'batchSize', 'seed']);

/** Human names used in messages. */
export const FIELD_LABELS: Record<NumericField, string> = {
  epochs: 'Epochs',
  datasetSize: 'Dataset size',
  batchSize: 'Batch size',
  learningRate: 'Learning rate',
  seed: 'Seed',
  beta: 'KL weight β',
  align: 'Alignment λ',
};

export type ConfigErrors = Partial<Record<NumericField, string>>;

/** The draft for a config (numbers printed as the user would type them). */
export function draftFromConfig(config: TrainConfig = DEFAULT_TRAIN_CONFIG): ConfigDraft {
  const draft = { imageSize: config.imageSize, kind: config.kind } as ConfigDraft;
  for (const field of NUMERIC_FIELDS) draft[field] = String(config[field]);
  return draft;
}

/**
 * Checks a draft against TRAIN_CONFIG_LIMITS. Returns the config when every field is valid, and
 * one clear message per invalid field otherwise.
 *
 * @example validateDraft({ ...draft, epochs: '0' }).errors.epochs // "Epochs must be between 1 and 500."
 */
export function validateDraft(draft: ConfigDraft): { config: TrainConfig | null; errors: ConfigErrors } {
  const errors: ConfigErrors = {};
  const values = {} as Record<NumericField, number>;
  for (const field of NUMERIC_FIELDS) {
    const text = draft[field].trim();
    const value = Number(text);
    const [min, max] = TRAIN_CONFIG_LIMITS[field];
    const label = FIELD_LABELS[field];
    if (text === '' || !Number.isFinite(value)) errors[field] = `${label} must be a number.`;
    else if (INTEGER_FIELDS.has(field) && !Number.isInteger(value))
      errors[field] = `${label} must be a whole number.`;
    else if (value < min || value > max)
      errors[field] = `${label} must be between ${fmt(min)} and ${fmt(max)}.`;
    values[field] = value;
  }
  if (!errors.datasetSize && !errors.batchSize) {
    const trainCount = Math.floor(values.datasetSize * (1 - DEFAULT_TRAIN_CONFIG.valFraction));
    if (trainCount < values.batchSize) {
      errors.batchSize = `Batch size must not exceed the ${trainCount} training images.`;
    }
  }
  if (!(IMAGE_SIZES as readonly number[]).includes(draft.imageSize)) {
    throw new Error(`image size must be one of ${IMAGE_SIZES.join(', ')}`);
  }
  if (Object.keys(errors).length > 0) return { config: null, errors };
  return {
    config: { ...DEFAULT_TRAIN_CONFIG, ...values, imageSize: draft.imageSize, kind: draft.kind },
    errors,
  };
}

function fmt(n: number): string {
  if (n !== 0 && (Math.abs(n) < 1e-3 || Math.abs(n) >= 1e6)) return n.toExponential(0);
  return n.toLocaleString('en-US');
}
