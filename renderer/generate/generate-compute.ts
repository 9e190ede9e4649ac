/**
 * The Generate panel's heavy work, as plain functions of plain data so that a Web Worker
 * (generate-worker.ts) or, in tests and as a fallback, the main thread can run them: fitting a
 * family, its density raster and highest-density levels, the likelihood table, sampling, the
 * plausibility threshold and judging samples against the true cylinders.
 */
import type { LatentBounds } from '../../shared/api';
import {
  boxDensity,
  countOutside,
  densityRaster,
  fitDensity,
  hdrLevels,
  meanLogLikelihood,
} from '../../shared/density';
import {
  FAMILIES,
  type Density,
  type FamilyId,
  type FamilyParams,
  type FamilySettings,
  type Point2,
} from '../../shared/density/types';
import { errorMessage } from '../../shared/errors';
import {
  coverageGrid,
  createJudgeBank,
  judgeImages,
  labelSamples,
  plausibilityThreshold,
  noveltyBaselineRng,
  scoreSamples,
  type GenerationScores,
  type Judgement,
  type JudgeBank,
  type SampleLabel,
} from '../../shared/judge';
import { createRng } from '../../shared/random';
import type { ImageSize } from '../../shared/train-config';

/** Side of the density raster drawn on the map. */
export const RASTER_SIDE = 128;
/** Probability masses of the highest-density contours. */
export const HDR_MASSES = [0.5, 0.9, 0.99] as const;

/** A box in the latent plane (the box family's θ). */
export interface Box {
  min: Point2;
  max: Point2;
}

/** What picks a density: the family, its settings, and for the box family a dragged box. */
export interface DensitySpec {
  family: FamilyId;
  settings: FamilySettings;
  isVae: boolean;
  /** Training codes, interleaved. */
  train: Float32Array;
  /** The box family's current box; null means its maximum-likelihood box. */
  box: Box | null;
}

export interface FitOutput {
  params: FamilyParams;
  generative: boolean;
  notes: string[];
  raster: { values: Float64Array; cols: number; rows: number; bounds: LatentBounds } | null;
  levels: number[];
}

/** One row of the likelihood table: mean log-likelihood per code (nats), or why there is none. */
export interface LikelihoodRow {
  family: FamilyId;
  train: number | null;
  val: number | null;
  /** Held-out codes with p = 0 (the box's −∞). */
  valOutside: number;
  /** Set when the family has no numbers (the page words it): VAE-only, not generative, or a failed fit. */
  reason: LikelihoodReason | null;
}

/** Why a likelihood row has no numbers; a failed fit carries the density library's own message. */
export type LikelihoodReason =
  { kind: 'vae-only' } | { kind: 'not-generative' } | { kind: 'failed'; message: string };

export interface JudgeOutput {
  judgements: Judgement[];
  labels: SampleLabel[];
  coverage: Uint16Array;
  scores: GenerationScores;
}

/** Every computation by name: [input, output]. */
export interface ComputeOps {
  fit: [DensitySpec & { bounds: LatentBounds; seed: number }, FitOutput];
  table: [
    { settings: FamilySettings; isVae: boolean; train: Float32Array; val: Float32Array },
    LikelihoodRow[],
  ];
  sample: [DensitySpec & { n: number; seed: number; temperature: number }, Float32Array];
  /** From the engine's per-image reconstruction errors (ModelCodes.reconMse of the validation split). */
  threshold: [{ imageSize: ImageSize; reconMse: Float32Array }, number];
  judge: [
    {
      imageSize: ImageSize;
      images: Float32Array;
      count: number;
      threshold: number;
      trainFactors: Float32Array;
      seed: number;
    },
    JudgeOutput,
  ];
}
export type ComputeKind = keyof ComputeOps;

/** Runs computations somewhere (a worker, or here); rejects with a user-facing message. */
export type Compute = <K extends ComputeKind>(kind: K, input: ComputeOps[K][0]) => Promise<ComputeOps[K][1]>;

/** The density a spec names: the dragged box as given, else the family fitted to the codes. */
export function buildDensity(spec: DensitySpec): Density {
  if (spec.family === 'box' && spec.box) return boxDensity(spec.box.min, spec.box.max);
  return fitDensity(spec.family, spec.train, spec.settings, { isVae: spec.isVae });
}

function fit(input: ComputeOps['fit'][0]): FitOutput {
  const d = buildDensity(input);
  const base = { params: d.params, generative: d.generative, notes: [...d.notes] };
  // Why no raster for 'mean': it is a point, not a density; the map draws the point instead.
  if (!d.generative) return { ...base, raster: null, levels: [] };
  const values = densityRaster(d, input.bounds, RASTER_SIDE, RASTER_SIDE);
  const levels = hdrLevels(d, HDR_MASSES, createRng(input.seed));
  return { ...base, raster: { values, cols: RASTER_SIDE, rows: RASTER_SIDE, bounds: input.bounds }, levels };
}

function tableRow(family: FamilyId, input: ComputeOps['table'][0]): LikelihoodRow {
  const none = (reason: LikelihoodReason): LikelihoodRow => ({
    family,
    train: null,
    val: null,
    valOutside: 0,
    reason,
  });
  if (family === 'prior' && !input.isVae) return none({ kind: 'vae-only' });
  let d: Density;
  try {
    d = fitDensity(family, input.train, input.settings, { isVae: input.isVae });
  } catch (error) {
    return none({ kind: 'failed', message: errorMessage(error) });
  }
  if (!d.generative) return none({ kind: 'not-generative' });
  return {
    family,
    train: meanLogLikelihood(d, input.train),
    val: meanLogLikelihood(d, input.val),
    valOutside: countOutside(d, input.val),
    reason: null,
  };
}

/** A bank per image size, built once: the renders the judge searches. */
const banks = new Map<ImageSize, JudgeBank>();
function bankFor(imageSize: ImageSize): JudgeBank {
  let bank = banks.get(imageSize);
  if (!bank) {
    bank = createJudgeBank(imageSize);
    banks.set(imageSize, bank);
  }
  return bank;
}

/** The reconstruction errors on the judge's scale (÷ the bank's pixel variance, as residualNmse), then their 95th percentile. */
function threshold(input: ComputeOps['threshold'][0]): number {
  const bank = bankFor(input.imageSize);
  return plausibilityThreshold(Float64Array.from(input.reconMse, (mse) => mse / bank.pixelVariance));
}

function judge(input: ComputeOps['judge'][0]): JudgeOutput {
  const judgements = judgeImages(bankFor(input.imageSize), input.images, input.count);
  const labels = labelSamples(judgements, input.threshold);
  return {
    judgements,
    labels,
    coverage: coverageGrid(judgements, labels),
    scores: scoreSamples({
      judgements,
      labels,
      trainFactors: input.trainFactors,
      rng: noveltyBaselineRng(input.seed),
    }),
  };
}

const OPS: { [K in ComputeKind]: (input: ComputeOps[K][0]) => ComputeOps[K][1] } = {
  fit,
  table: (input) => FAMILIES.map((f) => tableRow(f, input)),
  sample: (input) => buildDensity(input).sample(input.n, createRng(input.seed), input.temperature),
  threshold,
  judge,
};

/** Runs one computation here, synchronously. Throws the library's user-facing errors. */
export function runCompute<K extends ComputeKind>(kind: K, input: ComputeOps[K][0]): ComputeOps[K][1] {
  return OPS[kind](input);
}
