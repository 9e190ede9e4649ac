import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n/translate';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { modelInfoFixture } from '../state/test-fixtures';
import { modelDescription } from './model-description';

const config = { ...DEFAULT_TRAIN_CONFIG, kind: 'ae', imageSize: 32, align: 0 } as const;
const en = translator('en');
const own = modelInfoFixture('run-1', { name: 'Your model', source: 'training', config, epochsTrained: 6 });

describe('modelDescription', () => {
  it('says where a paused run stands', () => {
    const text = modelDescription(en, [], own, own, { epoch: 6, epochs: 60, paused: true });
    expect(text).toContain('paused at epoch 6 of 60');
    expect(text).not.toContain('training now');
  });

  it('says the epoch of a running run', () => {
    expect(modelDescription(en, [], own, own, { epoch: 7, epochs: 60, paused: false })).toContain(
      'training: epoch 7 of 60',
    );
  });

  it('names a finished model by its source and epochs', () => {
    const text = modelDescription(en, [], own, { ...own, source: 'trained' });
    expect(text).toContain('trained here');
    expect(text).toContain('6 epochs');
  });

  it('words the whole sentence in each language', () => {
    expect(modelDescription(en, [], own, { ...own, source: 'trained' })).toBe(
      'Your model, trained here: an autoencoder on 32×32 px images, 6 epochs, alignment λ = 0 (it found its representation alone).',
    );
    const vae = { ...own, config: { ...config, kind: 'vae', align: 0.5 } } as const;
    expect(modelDescription(en, [], vae, vae, { epoch: 1, epochs: 2, paused: false })).toBe(
      'Your model, training: epoch 1 of 2: a VAE on 32×32 px images, alignment λ = 0.5.',
    );
    expect(modelDescription(translator('zh-CN'), [], vae, vae, { epoch: 1, epochs: 2, paused: false })).toBe(
      '你的模型，训练中：第 1 轮（共 2 轮）：一个 VAE，图片为 32×32 px，对齐 λ = 0.5。',
    );
  });
});
