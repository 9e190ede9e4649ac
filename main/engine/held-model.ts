/**
 * The model the worker holds, with what describes it, and the plain-data views of it that cross
 * to the client: the full `ModelState` (with the validation points) and the small `ModelSummary`.
 */
import type { LatentPoints, ModelInfo, ModelState } from '../../shared/api';
import type { ImageSize, TrainConfig } from '../../shared/train-config';
import type { ModelSummary } from './engine';
import { type Autoencoder, specOf } from './model';
import { type AtlasMeta, META_FORMAT, META_VERSION } from './model-meta';

/** A model with what describes it. */
export interface Held {
  model: Autoencoder;
  meta: AtlasMeta;
  source: ModelInfo['source'];
  points: LatentPoints;
}

/** The display name of a trained model, e.g. "Trained VAE (λ = 0.5)". */
export function trainedName(config: TrainConfig): string {
  return `Trained ${config.kind.toUpperCase()} (λ = ${config.align})`;
}

/** The metadata of a model about to be trained (no metrics, no epochs yet). */
export function newMeta(id: string, name: string, config: TrainConfig): AtlasMeta {
  return {
    format: META_FORMAT,
    version: META_VERSION,
    id,
    name,
    createdAt: new Date().toISOString(),
    config,
    hidden: [...specOf(config).hidden],
    metrics: null,
    latentBounds: null,
    datasetSeed: config.seed,
    epochsTrained: 0,
  };
}

/** The contract's ModelInfo and image size of a held model. */
export function summaryOf(held: Held): ModelSummary {
  const { meta } = held;
  return {
    info: {
      id: meta.id,
      name: meta.name,
      source: held.source,
      config: meta.config,
      metrics: meta.metrics,
      createdAt: meta.createdAt,
      epochsTrained: meta.epochsTrained,
    },
    imageSize: meta.config.imageSize as ImageSize,
  };
}

/** The contract's ModelState of a held model (arrays copied: the caller may transfer them). */
export function stateOf(held: Held): ModelState {
  const { info, imageSize } = summaryOf(held);
  const { points } = held;
  return {
    info,
    points: { codes: points.codes.slice(), factors: points.factors.slice(), count: points.count },
    imageSize,
  };
}
