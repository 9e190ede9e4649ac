/**
 * The cylinder dataset: N images with their true (height, radius) kept beside each one, split into
 * training and validation sets. Fully determined by (count, imageSize, seed, valFraction).
 */
import { renderCylinder, validateImageSize } from './cylinder';
import { createRng } from './random';
import { trainCount, type ImageSize } from './train-config';

/**
 * One split. Image `i` is `images[i*s*s .. (i+1)*s*s)`; its factors are
 * `(factors[2i], factors[2i+1])` = (height, radius).
 */
export interface DatasetSplit {
  /** Row-major grayscale pixels in [0,1], length count·imageSize². */
  images: Float32Array;
  /** Interleaved true (height, radius), each in [0,1], length 2·count. */
  factors: Float32Array;
  count: number;
}

/** A generated dataset and what produced it. */
export interface Dataset {
  imageSize: ImageSize;
  train: DatasetSplit;
  val: DatasetSplit;
  seed: number;
}

/** Arguments of `generateDataset`. */
export interface DatasetOptions {
  /** Images in total, train and validation together, e.g. 4000 (at least 2). */
  count: number;
  imageSize: ImageSize;
  /** Any finite number; the same seed gives the same images, factors and split. */
  seed: number;
  /** Fraction held out for validation, in (0, 1), e.g. 0.2; both splits get at least one image. */
  valFraction: number;
}

/** Largest dataset we generate (64² images: ~1 GB of floats would be far past useful). */
export const MAX_DATASET_COUNT = 200_000;

/**
 * Draws `count` factor pairs uniformly in [0,1]² with a PRNG seeded by `seed`, renders each
 * cylinder, and puts the last `count − trainCount(count, valFraction)` of them (about
 * `round(count · valFraction)`) in the validation split.
 * The draws are independent, so a contiguous split is an unbiased random split.
 *
 * @example const { train, val } = generateDataset({ count: 4000, imageSize: 32, seed: 1, valFraction: 0.2 });
 * // train.count === 3200, val.count === 800, train.images.length === 3200 * 1024
 */
export function generateDataset(opts: DatasetOptions): Dataset {
  const { count, imageSize, seed, valFraction } = validateOptions(opts);
  const trainImages = trainCount(count, valFraction);
  const rng = createRng(seed);
  const factors = new Float32Array(2 * count);
  for (let i = 0; i < factors.length; i++) factors[i] = rng();
  return {
    imageSize,
    seed,
    train: renderSplit(factors.subarray(0, 2 * trainImages), imageSize),
    val: renderSplit(factors.subarray(2 * trainImages), imageSize),
  };
}

/** Renders the images for interleaved factors; the split owns compact copies of its arrays. */
function renderSplit(factors: Float32Array, imageSize: ImageSize): DatasetSplit {
  const count = factors.length / 2;
  const pixelsPerImage = imageSize * imageSize;
  const images = new Float32Array(count * pixelsPerImage);
  for (let i = 0; i < count; i++) {
    const factorsOfImage = { height: factors[2 * i] ?? 0, radius: factors[2 * i + 1] ?? 0 };
    renderCylinder(factorsOfImage, imageSize, images.subarray(i * pixelsPerImage, (i + 1) * pixelsPerImage));
  }
  return { images, factors: factors.slice(), count };
}

function validateOptions(opts: DatasetOptions): DatasetOptions {
  if (typeof opts !== 'object' || opts === null) throw new Error('dataset options must be an object');
  const { count, imageSize, seed, valFraction } = opts;
  if (!Number.isInteger(count) || count < 2 || count > MAX_DATASET_COUNT) {
    throw new Error(`count must be an integer in [2, ${MAX_DATASET_COUNT}], got ${String(count)}`);
  }
  validateImageSize(imageSize);
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new Error(`seed must be a finite number, got ${String(seed)}`);
  }
  if (
    typeof valFraction !== 'number' ||
    !Number.isFinite(valFraction) ||
    valFraction <= 0 ||
    valFraction >= 1
  ) {
    throw new Error(`valFraction must be a number in (0,1), got ${String(valFraction)}`);
  }
  return opts;
}
