/**
 * The model the worker holds, with what describes it, and the plain-data views of it that cross
 * to the client: the full `ModelState` (with the validation points) and the small `ModelSummary`;
 * and the untrained model a run starts from.
 */
import { trainingName } from '../../shared/model-names';
import type { LatentPoints, ModelInfo, ModelState } from '../../shared/api';
import type { Dataset } from '../../shared/dataset';
import type { ImageSize, TrainConfig } from '../../shared/train-config';
import type { ModelSummary } from './engine';
import { EVAL_CHUNK, encodeImages } from './evaluate';
import { yieldToEventLoop } from './slices';
import { type Autoencoder, buildAutoencoder, disposeModel, specOf } from './model';
import { type AtlasMeta, META_FORMAT, META_VERSION } from './model-meta';
import { disentanglement } from '../../shared/disentangle';

/** A model with what describes it. */
export interface Held {
  model: Autoencoder;
  meta: AtlasMeta;
  source: ModelInfo['source'];
  points: LatentPoints;
  /** Radians its latent was turned since it was opened or trained (rotate-latent.ts); absent: 0. */
  rotation?: number;
  /** The epoch of its run it shows, when it is a timeline view (timeline.ts). */
  viewingEpoch?: number;
}

/** The display name of a trained model, e.g. "Trained VAE (λ = 0.5)". */
export { trainedName } from '../../shared/model-names';

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

/** The contract's ModelInfo of a model's metadata. */
export function infoOf(meta: AtlasMeta, source: ModelInfo['source']): ModelInfo {
  return {
    id: meta.id,
    name: meta.name,
    source,
    config: meta.config,
    metrics: meta.metrics,
    createdAt: meta.createdAt,
    epochsTrained: meta.epochsTrained,
  };
}

/** The contract's ModelInfo and image size of a held model. */
export function summaryOf(held: Held): ModelSummary {
  const { meta } = held;
  const info = {
    ...infoOf(meta, held.source),
    ...(held.rotation ? { rotation: held.rotation } : {}),
    ...(held.viewingEpoch !== undefined ? { viewingEpoch: held.viewingEpoch } : {}),
  };
  return {
    info,
    imageSize: meta.config.imageSize as ImageSize,
  };
}

/**
 * A model saved before the disentanglement scores existed (the bundled ones among them) gets them
 * from its validation codes as it is opened, so every model shows them; saved again, it keeps them.
 */
export function withScores(meta: AtlasMeta, codes: Float32Array, factors: Float32Array): AtlasMeta {
  if (!meta.metrics || meta.metrics.disentanglement) return meta;
  return { ...meta, metrics: { ...meta.metrics, disentanglement: disentanglement(codes, factors) } };
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

/**
 * The model a run starts from, with its codes on the validation split, encoded a chunk at a time
 * (10,000 images of 64 px took half a second in one go); null when `cancelled()` turns true first.
 */
export async function untrainedModel(
  config: TrainConfig,
  dataset: Dataset,
  runId: string,
  cancelled: () => boolean,
): Promise<Held | null> {
  const model = buildAutoencoder(specOf(config), config.seed);
  try {
    const { images, factors, count } = dataset.val;
    const pixels = config.imageSize ** 2;
    const codes = new Float32Array(2 * count);
    for (let start = 0; start < count; start += EVAL_CHUNK) {
      await yieldToEventLoop();
      if (cancelled()) {
        disposeModel(model);
        return null;
      }
      const rows = Math.min(EVAL_CHUNK, count - start);
      const chunk = images.subarray(start * pixels, (start + rows) * pixels);
      codes.set(encodeImages(model, chunk, rows), 2 * start);
    }
    const meta = newMeta(runId, trainingName(config), config);
    return { model, meta, source: 'training', points: { codes, factors, count } };
  } catch (err) {
    disposeModel(model);
    throw err;
  }
}
