/**
 * The datasets the worker trains and encodes on, generated from a config and kept for reuse: a
 * model load encodes the validation split of the dataset it was trained on, and a run often uses
 * the dataset of the model before it.
 */
import type { TrainConfig } from '../../shared/train-config';
import { type Dataset, generateDataset } from '../../shared/dataset';

/** How many generated datasets to keep (regenerating 4,000 images takes a fraction of a second). */
const DATASET_CACHE = 2;

/** The few most recently generated datasets, by the config fields that define them. */
export class DatasetCache {
  private readonly datasets = new Map<string, Dataset>();

  /** The dataset of a config, generated once while it stays among the most recent. */
  get(config: TrainConfig): Dataset {
    const key = `${config.datasetSize}/${config.imageSize}/${config.seed}/${config.valFraction}`;
    let dataset = this.datasets.get(key);
    if (!dataset) {
      dataset = generateDataset({
        count: config.datasetSize,
        imageSize: config.imageSize,
        seed: config.seed,
        valFraction: config.valFraction,
      });
      this.datasets.set(key, dataset);
      while (this.datasets.size > DATASET_CACHE)
        this.datasets.delete(this.datasets.keys().next().value as string);
    }
    return dataset;
  }
}
