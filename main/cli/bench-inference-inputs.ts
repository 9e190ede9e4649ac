/**
 * The inputs of the inference figures, one definition for `npm run bench` (through the worker) and
 * the PyTorch comparison (both sides in process): a 16×16 grid of codes, and 2,000 images.
 */
import { generateDataset } from '../../shared/dataset';
import type { ImageSize } from '../../shared/train-config';

/** Runs per figure (medians): grid decodes, and encodes of 2,000 images. */
export const INFERENCE_RUNS = { grid: 30, encode: 9 } as const;

/** 256 codes [256, 2], interleaved, in [−1, 0.875]. */
export function inferenceGrid(): Float32Array {
  return new Float32Array(512).map((_, i) => ((i >> 1) % 16) / 8 - 1);
}

/** 2,000 images [2000, s²] of the generator (seed 9, not the training data). */
export function inferenceImages(imageSize: ImageSize): Float32Array {
  const { train } = generateDataset({ count: 2500, imageSize, seed: 9, valFraction: 0.2 });
  return train.images.slice(0, 2000 * imageSize ** 2);
}
