/**
 * The training form's reading of what the user typed. The rules (limits, whole numbers, a batch
 * that fits the training split) are the shared ones in `shared/train-config.ts`; this file only
 * parses the text and words each problem for the user.
 */
import {
  configProblems,
  DEFAULT_TRAIN_CONFIG,
  IMAGE_SIZES,
  type ConfigProblem,
  type ImageSize,
  type ModelKind,
  type NumericConfigField,
  type TrainConfig,
} from '../../shared/train-config';
import type { MessageId } from '../../shared/i18n/catalogs';
import type { Translate } from '../../shared/i18n/translate';

/** The numeric fields of the form, as the user typed them (the validation fraction is not one). */
export const NUMERIC_FIELDS = [
  'epochs',
  'datasetSize',
  'batchSize',
  'learningRate',
  'seed',
  'beta',
  'align',
] as const satisfies readonly NumericConfigField[];
export type NumericField = (typeof NUMERIC_FIELDS)[number];

/** The form's state: numbers stay text until they are valid, so the user can type freely. */
export type ConfigDraft = Record<NumericField, string> & { imageSize: ImageSize; kind: ModelKind };

/** The fields' names, as the form labels them and its messages name them (catalog ids). */
export const FIELD_LABELS: Record<NumericField, MessageId> = {
  epochs: 'training.field.epochs',
  datasetSize: 'training.field.datasetSize',
  batchSize: 'training.field.batchSize',
  learningRate: 'training.field.learningRate',
  seed: 'training.field.seed',
  beta: 'training.field.beta',
  align: 'training.field.align',
};

export type ConfigErrors = Partial<Record<NumericField, string>>;

/** The draft for a config (numbers printed as the user would type them). */
export function draftFromConfig(config: TrainConfig = DEFAULT_TRAIN_CONFIG): ConfigDraft {
  const draft = { imageSize: config.imageSize, kind: config.kind } as ConfigDraft;
  for (const field of NUMERIC_FIELDS) draft[field] = String(config[field]);
  return draft;
}

/**
 * Checks a draft with the shared config rules. Returns the config when every field is valid, and
 * one clear message per invalid field otherwise, worded by `t`. Fields the form does not show keep
 * their defaults.
 *
 * @example validateDraft({ ...draft, epochs: '0' }, translator('en')).errors.epochs // "Epochs must be between 1 and 500."
 */
export function validateDraft(
  draft: ConfigDraft,
  t: Translate,
): { config: TrainConfig | null; errors: ConfigErrors } {
  if (!(IMAGE_SIZES as readonly number[]).includes(draft.imageSize)) {
    throw new Error(`image size must be one of ${IMAGE_SIZES.join(', ')}`);
  }
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, imageSize: draft.imageSize, kind: draft.kind };
  for (const field of NUMERIC_FIELDS) config[field] = parseTyped(draft[field]);
  const problems = configProblems(config);
  const errors: ConfigErrors = {};
  for (const field of NUMERIC_FIELDS) {
    const problem = problems[field];
    if (problem) errors[field] = userMessage(t(FIELD_LABELS[field]), problem, t);
  }
  return { config: Object.keys(errors).length > 0 ? null : config, errors };
}

/** The number in typed text, NaN when there is none (`Number('')` would be 0). */
function parseTyped(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? NaN : Number(trimmed);
}

function userMessage(label: string, problem: ConfigProblem, t: Translate): string {
  switch (problem.kind) {
    case 'not-finite':
      return t('training.error.notFinite', { label });
    case 'out-of-range':
      return t('training.error.outOfRange', { label, min: fmt(problem.min), max: fmt(problem.max) });
    case 'not-whole':
      return t('training.error.notWhole', { label });
    case 'batch-too-large':
      return t('training.error.batchTooLarge', { label, count: problem.trainCount });
  }
}

function fmt(n: number): string {
  if (n !== 0 && (Math.abs(n) < 1e-3 || Math.abs(n) >= 1e6)) return n.toExponential(0);
  return n.toLocaleString('en-US');
}
