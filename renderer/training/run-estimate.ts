/**
 * How long a training run will take, estimated from its config before it starts, so a run of hours
 * is not started by accident (64 px × 50,000 images × 500 epochs takes 4–5 h).
 *
 * The model is the loop's own cost, from measurements: each epoch runs its training steps (train
 * images ÷ the step throughput for that image size and batch size), then evaluates on the whole
 * dataset (encode every image, the kNN R² of the codes; a cost per image that grows with the
 * dataset, taken at its largest). Measured with `npm run train` (the same engine worker the app
 * uses) on the 2-core development machine, Node 20, tfjs wasm, quiet: a faster machine takes less,
 * a busy one more, so the figure is said as "about".
 */
import type { Translate } from '../../shared/i18n/translate';
import { trainCount, type ImageSize, type TrainConfig } from '../../shared/train-config';

/**
 * Training steps' throughput in images a second, by image size: [batch size, images/s] as
 * measured (2 epochs of 4,000 images, ae; vae and alignment λ = 1 measured within 3 %). Small
 * batches pay a fixed cost per step (the Adam update over every weight), hence the spread.
 */
const STEP_THROUGHPUT: Record<ImageSize, readonly (readonly [number, number])[]> = {
  32: [
    [8, 1342],
    [16, 2822],
    [32, 4667],
    [64, 6711],
    [128, 9452],
    [256, 11088],
    [1024, 9957],
  ],
  64: [
    [8, 358],
    [16, 757],
    [32, 1192],
    [64, 1811],
    [128, 1811],
    [256, 1915],
    [1024, 2388],
  ],
};

/**
 * Seconds of end-of-epoch evaluation per dataset image. Measured at batch 64: 24 µs (32 px, 10,000
 * images) to 54 µs (32 px, 50,000), 60 µs (64 px, 10,000) to 154 µs (64 px, 50,000); the larger
 * figure is used, so the estimate errs long for small datasets, where it is seconds anyway.
 */
const EVAL_SECONDS_PER_IMAGE: Record<ImageSize, number> = { 32: 55e-6, 64: 155e-6 };

/** Runs estimated longer than this ask for confirmation before they start. */
export const LONG_RUN_SECONDS = 10 * 60;

/**
 * Estimated seconds of a run, training and per-epoch evaluation (preparing the dataset and the
 * user's pauses not included).
 *
 * @example estimateRunSeconds({ ...DEFAULT_TRAIN_CONFIG, imageSize: 64, datasetSize: 50_000, epochs: 500 }) // ≈ 14,900 (4.1 h; measured: 2 epochs took 67 s, so 4.7 h)
 */
export function estimateRunSeconds(config: TrainConfig): number {
  const train = trainCount(config.datasetSize, config.valFraction);
  const stepSeconds = train / stepThroughput(config.imageSize, config.batchSize);
  const evalSeconds = config.datasetSize * EVAL_SECONDS_PER_IMAGE[config.imageSize];
  return config.epochs * (stepSeconds + evalSeconds);
}

/** Images a second at this batch size: linear in log₂(batch) between the measured ones. */
function stepThroughput(imageSize: ImageSize, batchSize: number): number {
  const table = STEP_THROUGHPUT[imageSize];
  const first = table[0]!;
  const last = table[table.length - 1]!;
  if (batchSize <= first[0]) return first[1];
  if (batchSize >= last[0]) return last[1];
  const upper = table.findIndex(([b]) => b >= batchSize);
  const [b0, t0] = table[upper - 1]!;
  const [b1, t1] = table[upper]!;
  const at = (Math.log2(batchSize) - Math.log2(b0)) / (Math.log2(b1) - Math.log2(b0));
  return t0 + at * (t1 - t0);
}

/**
 * A duration in words (worded by `t`), rounded as an estimate deserves.
 *
 * @example formatEstimate(14_900, translator('en')) // "about 4 h 10 min"
 * @example formatEstimate(95, translator('en')) // "about 2 min"
 * @example formatEstimate(12, translator('en')) // "under a minute"
 */
export function formatEstimate(seconds: number, t: Translate): string {
  if (seconds < 60) return t('training.estimate.underMinute');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('training.estimate.minutes', { minutes });
  // Past an hour, to the nearest 5 minutes: the measurement is not finer than that.
  const rounded = Math.round(minutes / 5) * 5;
  const hours = Math.floor(rounded / 60);
  const m = rounded % 60;
  return m === 0
    ? t('training.estimate.hours', { hours })
    : t('training.estimate.hoursMinutes', { hours, minutes: m });
}

/** The question asked before a long run starts (worded by `t`), or null when the run is short enough not to ask. */
export function longRunQuestion(config: TrainConfig, t: Translate): string | null {
  const seconds = estimateRunSeconds(config);
  if (seconds <= LONG_RUN_SECONDS) return null;
  return t('training.estimate.longRun', {
    estimate: formatEstimate(seconds, t),
    images: trainCount(config.datasetSize, config.valFraction),
    epochs: config.epochs,
    size: config.imageSize,
  });
}
