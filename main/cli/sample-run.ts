/**
 * The headless sampler's pipeline, over an engine holding a model: fit a p_model to the training
 * codes, sample it, decode the samples in one batch, and judge each one against the true cylinders
 * (the renderer is p_data). Also used by the benchmark (bench-pmodel.ts).
 */
import type { ModelCodes } from '../../shared/api';
import { renderCylinder } from '../../shared/cylinder';
import {
  countOutside,
  type Density,
  type FamilyId,
  type FamilySettings,
  FITTED_FAMILIES,
  fitDensity,
  meanLogLikelihood,
} from '../../shared/density';
import {
  type JudgeBank,
  type Judgement,
  judgeImages,
  plausibilityThreshold,
  THRESHOLD_CODES,
  residualNmse,
} from '../../shared/judge';
import { createRng } from '../../shared/random';
import type { ImageSize } from '../../shared/train-config';
import type { Engine } from '../engine/engine';

/** A family's mean log-likelihood per code (nats) on both splits; `valOutside` for the box. */
export interface FamilyLogLik {
  train: number;
  val: number;
  /** Validation codes outside the box (each makes the held-out likelihood 0). */
  valOutside?: number;
}

/** Samples drawn from a density, decoded and judged. */
export interface JudgedSamples {
  /** Interleaved latent points, length 2n. */
  z: Float32Array;
  /** n decoded images, imageSize² each. */
  images: Float32Array;
  judgements: Judgement[];
}

/** Both splits of the current model's own dataset, encoded on its weights. */
export async function loadSplits(engine: Engine): Promise<{ train: ModelCodes; val: ModelCodes }> {
  return { train: await engine.codes('train'), val: await engine.codes('val') };
}

/**
 * The model's plausibility threshold: the 95th percentile of the NMSE between its reconstructions
 * of true validation cylinders, decode(val codes), and those cylinders, renderCylinder(val factors).
 */
export async function reconstructionThreshold(
  engine: Engine,
  bank: JudgeBank,
  val: ModelCodes,
  imageSize: ImageSize,
): Promise<number> {
  const count = Math.min(val.count, THRESHOLD_CODES);
  const recon = await engine.decode(val.codes.slice(0, 2 * count));
  const pixels = imageSize * imageSize;
  const truth = new Float32Array(pixels);
  const residuals = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const factors = { height: val.factors[2 * i]!, radius: val.factors[2 * i + 1]! };
    renderCylinder(factors, imageSize, truth);
    residuals[i] = residualNmse(bank, recon.subarray(i * pixels, (i + 1) * pixels), truth);
  }
  return plausibilityThreshold(residuals);
}

/** Draws n samples from `density` (seeded), decodes them in one batch and judges each one. */
export async function sampleAndJudge(
  engine: Engine,
  density: Density,
  bank: JudgeBank,
  { n, seed, temperature }: { n: number; seed: number; temperature: number },
): Promise<JudgedSamples> {
  const z = density.sample(n, createRng(seed), temperature);
  const images = await engine.decode(z);
  return { z, images, judgements: judgeImages(bank, images, n) };
}

/**
 * The likelihood table: every fitted family (and the prior, for a VAE) fitted to the training codes
 * with `settings`, scored on the training and on the held-out validation codes.
 */
export function likelihoodTable(
  train: ModelCodes,
  val: ModelCodes,
  settings: FamilySettings,
  isVae: boolean,
): Partial<Record<FamilyId, FamilyLogLik>> {
  const families: FamilyId[] = [...FITTED_FAMILIES, ...(isVae ? (['prior'] as const) : [])];
  const table: Partial<Record<FamilyId, FamilyLogLik>> = {};
  for (const family of families) {
    const d = fitDensity(family, train.codes, settings, { isVae });
    const row: FamilyLogLik = {
      train: meanLogLikelihood(d, train.codes),
      val: meanLogLikelihood(d, val.codes),
    };
    if (family === 'box') row.valOutside = countOutside(d, val.codes);
    table[family] = row;
  }
  return table;
}
