/**
 * The datasets the worker trains and encodes on, generated from a config and kept for reuse: a
 * model load encodes the validation split of the dataset it was trained on, and a run often uses
 * the dataset of the model before it. A run's dataset is rendered a chunk at a time, yielding in
 * between, so the worker still answers stop, pause and decode while a large one is prepared.
 */
import type { TrainConfig } from '../../shared/train-config';
import { type Dataset, DatasetRenderer } from '../../shared/dataset';
import { yieldToEventLoop } from './slices';

/** Most datasets kept: the held model's and the run's. */
const DATASET_CACHE = 2;
/**
 * Pixels rendered between two yields while preparing (256 images of 64 px, 1,024 of 32 px: some
 * 20–40 ms). Why: a 64 px × 50,000 dataset takes seconds to render; in chunks a stop or a decode
 * waits one chunk, not the whole dataset.
 */
export const PREPARE_CHUNK_PIXELS = 1 << 20;

/** How `prepare` reports and how it is cancelled. */
export interface PrepareOptions {
  /** Asked between chunks; true ends the preparation (the dataset is dropped). */
  cancelled?: () => boolean;
  /** After each chunk: images rendered so far, of how many. */
  onRendered?: (rendered: number, total: number) => void;
}

/** The few datasets in use, by the config fields that define them. */
export class DatasetCache {
  private readonly datasets = new Map<string, Dataset>();

  /** The dataset of a config, generated at once (blocking) unless it is kept already. */
  get(config: TrainConfig): Dataset {
    const key = keyOf(config);
    let dataset = this.datasets.get(key);
    if (!dataset) {
      const renderer = new DatasetRenderer(optionsOf(config));
      renderer.renderNext(renderer.total);
      dataset = this.keep(key, renderer.dataset);
    }
    return dataset;
  }

  /**
   * The dataset of a config, rendered a chunk at a time with a yield to the event loop after each
   * chunk; null when `cancelled()` turned true first (nothing is kept then).
   */
  prepare(config: TrainConfig): Promise<Dataset>;
  prepare(config: TrainConfig, opts: PrepareOptions): Promise<Dataset | null>;
  async prepare(config: TrainConfig, opts: PrepareOptions = {}): Promise<Dataset | null> {
    const key = keyOf(config);
    const kept = this.datasets.get(key);
    if (kept) return kept;
    const renderer = new DatasetRenderer(optionsOf(config));
    const chunk = Math.max(1, Math.floor(PREPARE_CHUNK_PIXELS / config.imageSize ** 2));
    for (;;) {
      if (opts.cancelled?.()) return null;
      const done = renderer.renderNext(chunk);
      opts.onRendered?.(renderer.rendered, renderer.total);
      if (done) break;
      await yieldToEventLoop();
    }
    return this.keep(key, renderer.dataset);
  }

  /**
   * Drops every dataset but those of `configs` (the held model's, the run's). Why: a 64 px ×
   * 50,000 dataset holds some 800 MB, which must not outlive the model that needed it.
   */
  keepOnly(configs: readonly TrainConfig[]): void {
    const wanted = new Set(configs.map(keyOf));
    for (const key of [...this.datasets.keys()]) if (!wanted.has(key)) this.datasets.delete(key);
  }

  /** Whether the dataset of a config is kept (for tests). */
  has(config: TrainConfig): boolean {
    return this.datasets.has(keyOf(config));
  }

  /** How many datasets are kept (for tests). */
  get size(): number {
    return this.datasets.size;
  }

  private keep(key: string, dataset: Dataset): Dataset {
    this.datasets.set(key, dataset);
    while (this.datasets.size > DATASET_CACHE)
      this.datasets.delete(this.datasets.keys().next().value as string);
    return dataset;
  }
}

function keyOf(config: TrainConfig): string {
  return `${config.datasetSize}/${config.imageSize}/${config.seed}/${config.valFraction}`;
}

function optionsOf(config: TrainConfig) {
  return {
    count: config.datasetSize,
    imageSize: config.imageSize,
    seed: config.seed,
    valFraction: config.valFraction,
  };
}
