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
  const renderer = new DatasetRenderer(opts);
  renderer.renderNext(renderer.total);
  return renderer.dataset;
}

/**
 * The dataset of `generateDataset`, rendered a chunk of images at a time, so that a caller can
 * yield between chunks (a 64 px × 50,000 dataset takes seconds to render). The arrays are
 * allocated at once; images not rendered yet are blank until `renderNext` reaches them.
 *
 * @example const r = new DatasetRenderer(opts); while (!r.renderNext(256)) await yieldToOthers();
 * // r.dataset equals generateDataset(opts)
 */
export class DatasetRenderer {
  /** The dataset being rendered: complete once `rendered === total`. */
  readonly dataset: Dataset;
  /** Images in both splits. */
  readonly total: number;
  /** Images rendered so far (train first, then validation). */
  rendered = 0;

  constructor(opts: DatasetOptions) {
    const { count, imageSize, seed, valFraction } = validateOptions(opts);
    const trainImages = trainCount(count, valFraction);
    const rng = createRng(seed);
    const factors = new Float32Array(2 * count);
    for (let i = 0; i < factors.length; i++) factors[i] = rng();
    this.total = count;
    this.dataset = {
      imageSize,
      seed,
      train: blankSplit(factors.slice(0, 2 * trainImages), imageSize),
      val: blankSplit(factors.slice(2 * trainImages), imageSize),
    };
  }

  /** Renders up to `maxImages` more images; true once every image is rendered. */
  renderNext(maxImages: number): boolean {
    const { train, val, imageSize } = this.dataset;
    const end = Math.min(this.total, this.rendered + Math.max(1, Math.floor(maxImages)));
    for (; this.rendered < end; this.rendered++) {
      const i = this.rendered;
      if (i < train.count) renderImage(train, i, imageSize);
      else renderImage(val, i - train.count, imageSize);
    }
    return this.rendered === this.total;
  }
}

/** A split with its factors and room for its images (blank). */
function blankSplit(factors: Float32Array, imageSize: ImageSize): DatasetSplit {
  const count = factors.length / 2;
  return { images: new Float32Array(count * imageSize * imageSize), factors, count };
}

/** Renders image `i` of a split from its factors. */
function renderImage(split: DatasetSplit, i: number, imageSize: ImageSize): void {
  const pixelsPerImage = imageSize * imageSize;
  const factorsOfImage = { height: split.factors[2 * i] ?? 0, radius: split.factors[2 * i + 1] ?? 0 };
  renderCylinder(
    factorsOfImage,
    imageSize,
    split.images.subarray(i * pixelsPerImage, (i + 1) * pixelsPerImage),
  );
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
