import { describe as suite, expect, it } from 'vitest';
import type { ModelInfo, TrainConfig } from '../../shared/api';
import { describe } from './ModelSwitch';

const config = { kind: 'ae', imageSize: 32, align: 0 } as unknown as TrainConfig;
const own: ModelInfo = {
  id: 'run-1',
  name: 'Your model',
  source: 'training',
  config,
  metrics: null,
  createdAt: '2026-01-01',
  epochsTrained: 6,
};

suite('model description', () => {
  it('says where a paused run stands', () => {
    const text = describe([], own, own, { epoch: 6, epochs: 60, paused: true });
    expect(text).toContain('paused at epoch 6 of 60');
    expect(text).not.toContain('training now');
  });

  it('says the epoch of a running run', () => {
    expect(describe([], own, own, { epoch: 7, epochs: 60, paused: false })).toContain(
      'training: epoch 7 of 60',
    );
  });

  it('names a finished model by its source and epochs', () => {
    const text = describe([], own, { ...own, source: 'trained' });
    expect(text).toContain('trained here');
    expect(text).toContain('6 epochs');
  });
});
