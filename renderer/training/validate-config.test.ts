import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { draftFromConfig, validateDraft } from './validate-config';

describe('validateDraft', () => {
  it('round-trips the default config', () => {
    const { config, errors } = validateDraft(draftFromConfig());
    expect(errors).toEqual({});
    expect(config).toEqual(DEFAULT_TRAIN_CONFIG);
  });

  it('reads the form into a config', () => {
    const draft = {
      ...draftFromConfig(),
      epochs: ' 3 ',
      datasetSize: '400',
      learningRate: '1e-3',
      kind: 'vae' as const,
      imageSize: 64 as const,
      beta: '0.5',
      align: '2',
    };
    expect(validateDraft(draft).config).toMatchObject({
      epochs: 3,
      datasetSize: 400,
      learningRate: 0.001,
      kind: 'vae',
      imageSize: 64,
      beta: 0.5,
      align: 2,
    });
  });

  it('explains out-of-range, non-integer and non-numeric values', () => {
    const draft = {
      ...draftFromConfig(),
      epochs: '0',
      datasetSize: '1000.5',
      learningRate: 'fast',
      seed: '',
    };
    const { config, errors } = validateDraft(draft);
    expect(config).toBeNull();
    expect(errors.epochs).toBe('Epochs must be between 1 and 500.');
    expect(errors.datasetSize).toBe('Dataset size must be a whole number.');
    expect(errors.learningRate).toBe('Learning rate must be a number.');
    expect(errors.seed).toBe('Seed must be a number.');
    expect(validateDraft({ ...draftFromConfig(), learningRate: '0.5' }).errors.learningRate).toBe(
      'Learning rate must be between 1e-5 and 0.1.',
    );
    expect(validateDraft({ ...draftFromConfig(), datasetSize: '99999' }).errors.datasetSize).toBe(
      'Dataset size must be between 200 and 50,000.',
    );
  });

  it('refuses a batch larger than the training split', () => {
    const { errors } = validateDraft({ ...draftFromConfig(), datasetSize: '200', batchSize: '512' });
    expect(errors.batchSize).toBe('Batch size must not exceed the 160 training images.');
  });

  it('counts the training images as the dataset splits them (201 images: 40 held out, 161 train)', () => {
    const fits = validateDraft({ ...draftFromConfig(), datasetSize: '201', batchSize: '161' });
    expect(fits.errors).toEqual({});
    expect(fits.config).toMatchObject({ datasetSize: 201, batchSize: 161 });
    const tooLarge = validateDraft({ ...draftFromConfig(), datasetSize: '201', batchSize: '162' });
    expect(tooLarge.errors.batchSize).toBe('Batch size must not exceed the 161 training images.');
  });

  it('reads blank text and text that is no finite number as "not a number"', () => {
    const { errors } = validateDraft({
      ...draftFromConfig(),
      epochs: '  ',
      beta: 'Infinity',
      align: '1e999',
    });
    expect(errors).toEqual({
      epochs: 'Epochs must be a number.',
      beta: 'KL weight β must be a number.',
      align: 'Alignment λ must be a number.',
    });
  });

  it('names the range before asking for a whole number', () => {
    expect(validateDraft({ ...draftFromConfig(), epochs: '0.5' }).errors.epochs).toBe(
      'Epochs must be between 1 and 500.',
    );
    expect(validateDraft({ ...draftFromConfig(), seed: '2.5' }).errors.seed).toBe(
      'Seed must be a whole number.',
    );
  });
});
