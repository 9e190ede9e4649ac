/**
 * The default net, written out as plain JSON: everything an outside harness (e.g. the PyTorch twin
 * of `npm run bench -- --vs-pytorch`) needs to rebuild it and train it the same way. Derived from
 * the engine's own constants, so it cannot drift from what the app trains.
 */
import { DEFAULT_TRAIN_CONFIG, type TrainConfig, trainCount } from '../../shared/train-config';
import { LATENT_DIM, layerPlan, specOf } from '../engine/model';
import { WARMUP_STEPS } from '../engine/train-loop';

/**
 * tfjs's Adam settings as `tf.train.adam(learningRate)` sets them: β1 and β2 are its defaults, and
 * ε is the float32 backend's `epsilon()` (1e-7, not PyTorch's 1e-8). The spec's unit test checks
 * them against a live optimizer.
 */
export const TFJS_ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;

/** One dense layer of the spec: y = activation(x · kernel + bias), kernel [in, out]. */
export interface NetSpecLayer {
  name: string;
  in: number;
  out: number;
  activation: 'relu' | 'sigmoid' | 'linear';
}

/** The net, its data and its training algorithm, as one JSON-ready object. */
export interface NetSpec {
  kind: TrainConfig['kind'];
  image: { size: number; pixels: number; layout: string };
  latentDim: number;
  /** Every layer in forward order; `z_mean` (and `z_log_var` for a vae) ends the encoder. */
  layers: NetSpecLayer[];
  init: { kernel: string; bias: string; seed: number };
  loss: { formula: string; beta: number; align: number };
  optimizer: { name: 'adam'; learningRate: number; beta1: number; beta2: number; epsilon: number };
  schedule: { warmupSteps: number; formula: string };
  batch: { size: number; stepsPerEpoch: number; order: string };
  dataset: { generator: string; count: number; trainCount: number; valFraction: number; seed: number };
  epochs: number;
}

/**
 * The spec of the net a config trains (the default config unless told otherwise).
 *
 * @example defaultNetSpec().layers.map((l) => `${l.in}→${l.out} ${l.activation}`)
 * // ['1024→128 relu', '128→32 relu', '32→2 linear', '2→32 relu', '32→128 relu', '128→1024 sigmoid']
 */
export function defaultNetSpec(config: TrainConfig = DEFAULT_TRAIN_CONFIG): NetSpec {
  const pixels = config.imageSize * config.imageSize;
  const train = trainCount(config.datasetSize, config.valFraction);
  const batch = Math.min(config.batchSize, train);
  return {
    kind: config.kind,
    image: { size: config.imageSize, pixels, layout: 'row-major grayscale in [0, 1]' },
    latentDim: LATENT_DIM,
    layers: layerPlan(specOf(config)).map((l) => ({
      name: l.name,
      in: l.units[0],
      out: l.units[1],
      activation: l.activation,
    })),
    init: {
      kernel:
        'Glorot uniform (Keras default), limit sqrt(6 / (in + out)), drawn in layer order from ' +
        'mulberry32(seed ^ 0x5eed) (shared/random.ts); z_log_var kernel all zeros',
      bias: 'zeros',
      seed: config.seed,
    },
    loss: { formula: lossFormula(config), beta: config.beta, align: config.align },
    optimizer: { name: 'adam', learningRate: config.learningRate, ...TFJS_ADAM },
    schedule: {
      warmupSteps: WARMUP_STEPS,
      formula: `lr_t = learningRate · min(1, (t + 1) / ${WARMUP_STEPS}), t = global step from 0; constant after`,
    },
    batch: {
      size: batch,
      stepsPerEpoch: Math.floor(train / batch),
      order:
        'one index array 0..trainCount-1, shuffled in place (Fisher–Yates, shared/random.ts) at the ' +
        'start of every epoch by mulberry32(seed + 1); batches are consecutive slices; the last ' +
        'partial batch is dropped',
    },
    dataset: {
      generator: 'shared/dataset.ts generateDataset (the last images form the validation split)',
      count: config.datasetSize,
      trainCount: train,
      valFraction: config.valFraction,
      seed: config.seed,
    },
    epochs: config.epochs,
  };
}

/** The loss a config trains with, in words (terms with a zero weight are left out). */
function lossFormula(config: TrainConfig): string {
  const terms = ['mean over batch and pixels of (x̂ − x)²'];
  if (config.kind === 'vae' && config.beta > 0) {
    terms.push('beta · batch mean of −½ Σ_latent (1 + logσ² − μ² − σ²) / pixels (x̂ decoded from μ + σ·ε)');
  }
  if (config.align > 0) terms.push('align · mean over batch and latent of (z_mean − (2·factors − 1))²');
  return terms.join(' + ');
}
