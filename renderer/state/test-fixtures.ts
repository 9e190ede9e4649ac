// Builders of contract values for the renderer's unit tests (one copy, so a change to the
// contract's shapes is made once).
import type { Metrics, ModelInfo, ModelState } from '../../shared/api';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';

/** Metrics whose latent bounds are `min`..`max`; every quality number 0. */
export function metricsFixture(min: [number, number] = [0, 0], max: [number, number] = [1, 1]): Metrics {
  const pf = { height: 0, radius: 0 };
  return { valMse: 0, valNmse: 0, knnR2: pf, spearman: { z1: pf, z2: pf }, latentBounds: { min, max } };
}

/** A model's info: id and name `id`, the default config, the given source (bundled by default). */
export function modelInfoFixture(id: string, overrides: Partial<ModelInfo> = {}): ModelInfo {
  return {
    id,
    name: id,
    source: 'bundled',
    config: DEFAULT_TRAIN_CONFIG,
    metrics: metricsFixture(),
    createdAt: '',
    epochsTrained: 0,
    ...overrides,
  };
}

/** A 32 px model with validation points at `codes` (interleaved) and factors all 0.5. */
export function modelFixture(id: string, codes: number[], info: Partial<ModelInfo> = {}): ModelState {
  return {
    info: modelInfoFixture(id, info),
    points: {
      codes: Float32Array.from(codes),
      factors: Float32Array.from(codes.map(() => 0.5)),
      count: codes.length / 2,
    },
    imageSize: 32,
  };
}
