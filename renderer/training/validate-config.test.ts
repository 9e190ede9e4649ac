import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { translator } from '../../shared/i18n/translate';
import { draftFromConfig, validateDraft } from './validate-config';

const en = translator('en');

describe('validateDraft', () => {
  it('round-trips the default config', () => {
    const { config, errors } = validateDraft(draftFromConfig(), en);
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
    expect(validateDraft(draft, en).config).toMatchObject({
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
    const { config, errors } = validateDraft(draft, en);
    expect(config).toBeNull();
    expect(errors.epochs).toBe('Epochs must be between 1 and 500.');
    expect(errors.datasetSize).toBe('Dataset size must be a whole number.');
    expect(errors.learningRate).toBe('Learning rate must be a number.');
    expect(errors.seed).toBe('Seed must be a number.');
    expect(validateDraft({ ...draftFromConfig(), learningRate: '0.5' }, en).errors.learningRate).toBe(
      'Learning rate must be between 1e-5 and 0.1.',
    );
    expect(validateDraft({ ...draftFromConfig(), datasetSize: '99999' }, en).errors.datasetSize).toBe(
      'Dataset size must be between 200 and 50,000.',
    );
  });

  it('refuses a batch larger than the training split', () => {
    const { errors } = validateDraft({ ...draftFromConfig(), datasetSize: '200', batchSize: '512' }, en);
    expect(errors.batchSize).toBe('Batch size must not exceed the 160 training images.');
  });

  it('counts the training images as the dataset splits them (201 images: 40 held out, 161 train)', () => {
    const fits = validateDraft({ ...draftFromConfig(), datasetSize: '201', batchSize: '161' }, en);
    expect(fits.errors).toEqual({});
    expect(fits.config).toMatchObject({ datasetSize: 201, batchSize: 161 });
    const tooLarge = validateDraft({ ...draftFromConfig(), datasetSize: '201', batchSize: '162' }, en);
    expect(tooLarge.errors.batchSize).toBe('Batch size must not exceed the 161 training images.');
  });

  it('reads blank text and text that is no finite number as "not a number"', () => {
    const { errors } = validateDraft(
      {
        ...draftFromConfig(),
        epochs: '  ',
        beta: 'Infinity',
        align: '1e999',
      },
      en,
    );
    expect(errors).toEqual({
      epochs: 'Epochs must be a number.',
      beta: 'KL weight β must be a number.',
      align: 'Alignment λ must be a number.',
    });
  });

  it('names the range before asking for a whole number', () => {
    expect(validateDraft({ ...draftFromConfig(), epochs: '0.5' }, en).errors.epochs).toBe(
      'Epochs must be between 1 and 500.',
    );
    expect(validateDraft({ ...draftFromConfig(), seed: '2.5' }, en).errors.seed).toBe(
      'Seed must be a whole number.',
    );
  });

  it('words its messages in the language asked for', () => {
    const { errors } = validateDraft({ ...draftFromConfig(), epochs: '0', seed: '' }, translator('zh-CN'));
    expect(errors.epochs).toBe('轮数必须介于 1 与 500 之间。');
    expect(errors.seed).toBe('随机种子必须是一个数。');
  });
});
