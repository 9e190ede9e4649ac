/**
 * The training configuration and its rules, in one home: the fields, their defaults, their limits,
 * the per-field checks and how many images train. The contract validation (`validate.ts`), the
 * engine and the training form all use these, so they can never disagree on what a valid run is.
 */

/** Autoencoder kind: plain (`ae`) or variational (`vae`). */
export type ModelKind = 'ae' | 'vae';

/** Supported image sizes in pixels (square). */
export const IMAGE_SIZES = [32, 64] as const;
export type ImageSize = (typeof IMAGE_SIZES)[number];

/** Everything that determines a training run (and so, with the seed, its result). */
export interface TrainConfig {
  /** Side of the square cylinder images, e.g. 32. */
  imageSize: ImageSize;
  /** Number of generated images, train and validation together, e.g. 4000. */
  datasetSize: number;
  /** Fraction held out for validation, e.g. 0.2. */
  valFraction: number;
  /** Seed for the dataset and the weight initialisation. */
  seed: number;
  kind: ModelKind;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** KL weight β (only used by `vae`). */
  beta: number;
  /** Alignment weight λ ≥ 0: pulls z toward the true (height, radius); 0 = unsupervised. */
  align: number;
}

/** The numeric fields of a config (all but `imageSize` and `kind`), e.g. 'epochs'. */
export type NumericConfigField = Exclude<keyof TrainConfig, 'imageSize' | 'kind'>;

/** Defaults for a new training run (the config the bundled models and the benchmark use). */
export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  imageSize: 32,
  datasetSize: 4000,
  valFraction: 0.2,
  seed: 1,
  kind: 'ae',
  epochs: 30,
  batchSize: 64,
  // Measured by the engine (main/engine/model.ts): with its dense 128-32 net, Adam at 0.02 reaches
  // the quality targets in about a third of the samples 0.002 needs; 0.05 sometimes collapses.
  learningRate: 0.02,
  // The engine weighs KL per pixel (loss = MSE + β·KL/s²), so β = 1 is the textbook VAE (codes
  // within about ±2.5, like the N(0, I) prior); 0.01 left codes spread to ±10 (measured).
  beta: 1,
  align: 0,
};

/** Bounds for each numeric config field, both ends allowed: [min, max]. */
export const TRAIN_CONFIG_LIMITS = {
  datasetSize: [200, 50_000],
  valFraction: [0.05, 0.5],
  seed: [0, 2 ** 31 - 1],
  epochs: [1, 500],
  batchSize: [8, 1024],
  learningRate: [1e-5, 0.1],
  beta: [0, 10],
  align: [0, 100],
} as const satisfies { readonly [K in NumericConfigField]: readonly [number, number] };

/** Which numeric fields must be whole numbers (the table names every field, or it does not compile). */
const WHOLE_NUMBER: { readonly [K in NumericConfigField]: boolean } = {
  datasetSize: true,
  valFraction: false,
  seed: true,
  epochs: true,
  batchSize: true,
  learningRate: false,
  beta: false,
  align: false,
};

/** Every numeric field, in the order checks report them. */
export const NUMERIC_CONFIG_FIELDS = Object.keys(TRAIN_CONFIG_LIMITS) as readonly NumericConfigField[];

/**
 * Why a numeric field's value is refused. Each reader words it for its audience: the contract
 * names the field path, the form speaks to the user.
 */
export type ConfigProblem =
  | { kind: 'not-finite' }
  | { kind: 'out-of-range'; min: number; max: number }
  | { kind: 'not-whole' }
  /** Only for `batchSize`: a batch cannot hold more images than the training split has. */
  | { kind: 'batch-too-large'; trainCount: number };

/** The problems of a config's numeric fields, at most one per field, in `NUMERIC_CONFIG_FIELDS` order. */
export type ConfigProblems = Partial<Record<NumericConfigField, ConfigProblem>>;

/**
 * Checks one numeric field on its own: finite, within `TRAIN_CONFIG_LIMITS`, whole where it must
 * be. Null when the value is fine.
 *
 * @example configFieldProblem('epochs', 0) // { kind: 'out-of-range', min: 1, max: 500 }
 * @example configFieldProblem('epochs', 2.5) // { kind: 'not-whole' }
 */
export function configFieldProblem(field: NumericConfigField, value: number): ConfigProblem | null {
  if (!Number.isFinite(value)) return { kind: 'not-finite' };
  const [min, max] = TRAIN_CONFIG_LIMITS[field];
  if (value < min || value > max) return { kind: 'out-of-range', min, max };
  if (WHOLE_NUMBER[field] && !Number.isInteger(value)) return { kind: 'not-whole' };
  return null;
}

/**
 * Checks every numeric field, then, when the split's fields are fine, that a batch fits in the
 * training split. An empty result means the numbers make a valid run.
 *
 * @example configProblems({ ...DEFAULT_TRAIN_CONFIG, datasetSize: 200, batchSize: 512 })
 * // { batchSize: { kind: 'batch-too-large', trainCount: 160 } }
 */
export function configProblems(values: Pick<TrainConfig, NumericConfigField>): ConfigProblems {
  const problems: ConfigProblems = {};
  for (const field of NUMERIC_CONFIG_FIELDS) {
    const problem = configFieldProblem(field, values[field]);
    if (problem) problems[field] = problem;
  }
  if (!problems.datasetSize && !problems.valFraction && !problems.batchSize) {
    const count = trainCount(values.datasetSize, values.valFraction);
    if (values.batchSize > count) problems.batchSize = { kind: 'batch-too-large', trainCount: count };
  }
  return problems;
}

/**
 * How many of `datasetSize` images train; the rest validate. The dataset holds out
 * `round(datasetSize · valFraction)` images, at least one and never all, and this is the one place
 * that rule is written: the dataset, the contract validation and the form all call it.
 *
 * @example trainCount(4000, 0.2) // 3200
 * @example trainCount(201, 0.5) // 100 (100.5 held out rounds up to 101)
 */
export function trainCount(datasetSize: number, valFraction: number): number {
  if (!Number.isInteger(datasetSize) || datasetSize < 2) {
    throw new RangeError(`datasetSize must be a whole number ≥ 2, got ${String(datasetSize)}`);
  }
  if (!(valFraction > 0 && valFraction < 1)) {
    throw new RangeError(`valFraction must be in (0, 1), got ${String(valFraction)}`);
  }
  const valCount = Math.min(datasetSize - 1, Math.max(1, Math.round(datasetSize * valFraction)));
  return datasetSize - valCount;
}
