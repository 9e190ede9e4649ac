import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { modelInfoFixture } from '../state/test-fixtures';
import { modelDescription } from './model-description';

const config = { ...DEFAULT_TRAIN_CONFIG, kind: 'ae', imageSize: 32, align: 0 } as const;
const own = modelInfoFixture('run-1', { name: 'Your model', source: 'training', config, epochsTrained: 6 });

describe('modelDescription', () => {
  it('says where a paused run stands', () => {
    const text = modelDescription([], own, own, { epoch: 6, epochs: 60, paused: true });
    expect(text).toContain('paused at epoch 6 of 60');
    expect(text).not.toContain('training now');
  });

  it('says the epoch of a running run', () => {
    expect(modelDescription([], own, own, { epoch: 7, epochs: 60, paused: false })).toContain(
      'training: epoch 7 of 60',
    );
  });

  it('names a finished model by its source and epochs', () => {
    const text = modelDescription([], own, { ...own, source: 'trained' });
    expect(text).toContain('trained here');
    expect(text).toContain('6 epochs');
  });
});
