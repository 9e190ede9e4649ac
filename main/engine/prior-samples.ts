/**
 * How good a VAE is as a generator, judged against the true renderer (issue 12's table): draw z
 * from its prior N(0, I), decode, and judge each image (shared/judge): precision is the share that
 * looks like a true cylinder as closely as the model's own reconstructions do (their 95th
 * percentile error), recall the share of the (height, radius) square those plausible samples reach.
 */
import { gaussian, createRng } from '../../shared/random';
import type { DatasetSplit } from '../../shared/dataset';
import type { ImageSize } from '../../shared/train-config';
import {
  createJudgeBank,
  judgeImages,
  labelSamples,
  plausibilityThreshold,
  residualNmse,
  scoreSamples,
  THRESHOLD_CODES,
  type JudgeBank,
} from '../../shared/judge';
import { decodeCodes } from './evaluate';
import type { Autoencoder } from './model';

/** Prior samples judged per model: 256 estimates a share to ±3 % (one sd). */
export const PRIOR_SAMPLES = 256;

/** Precision and recall of prior samples, e.g. `{ precision: 0.82, recall: 0.41, n: 256 }`. */
export interface PriorSampleScores {
  precision: number;
  recall: number;
  n: number;
}

/** One judge bank per image size, made once (289 renders). */
const banks = new Map<ImageSize, JudgeBank>();

function bankOf(size: ImageSize): JudgeBank {
  let bank = banks.get(size);
  if (!bank) banks.set(size, (bank = createJudgeBank(size)));
  return bank;
}

/**
 * Scores PRIOR_SAMPLES draws from N(0, I) through `model`'s decoder (seeded: the same model
 * scores the same), with the plausibility threshold from its own validation reconstructions.
 */
export function priorSampleScores(
  model: Autoencoder,
  size: ImageSize,
  val: DatasetSplit,
  /** The validation images' codes on `model` (interleaved), as the caller already encoded them. */
  valCodes: Float32Array,
  train: DatasetSplit,
  seed = 1,
): PriorSampleScores {
  const bank = bankOf(size);
  const pixels = size * size;
  const rows = Math.min(val.count, THRESHOLD_CODES);
  const x = val.images.subarray(0, rows * pixels);
  const recon = decodeCodes(model, valCodes.subarray(0, 2 * rows));
  const residuals = new Float64Array(rows);
  for (let i = 0; i < rows; i++)
    residuals[i] = residualNmse(
      bank,
      recon.subarray(i * pixels, (i + 1) * pixels),
      x.subarray(i * pixels, (i + 1) * pixels),
    );
  const threshold = plausibilityThreshold(residuals);
  const rng = createRng(seed);
  const z = Float32Array.from({ length: 2 * PRIOR_SAMPLES }, () => gaussian(rng));
  const judgements = judgeImages(bank, decodeCodes(model, z), PRIOR_SAMPLES);
  const labels = labelSamples(judgements, threshold);
  const scores = scoreSamples({ judgements, labels, trainFactors: train.factors, rng });
  return { precision: scores.precision, recall: scores.recall, n: scores.n };
}
