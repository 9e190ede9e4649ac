/**
 * The autoencoder: pure builders of a config, written as plain tfjs ops on `tf.variable` weights.
 *
 * Why plain ops rather than `tf.layers`: on the wasm backend the layers API adds a large constant
 * cost per step (symbolic bookkeeping, per-layer tidies); training the same dense net through
 * `tf.variableGrads` + an optimizer is much faster. The weights still save in the tfjs layers
 * format (model-store.ts builds the matching layers topology), so `tf.loadLayersModel` can read
 * a saved model.
 *
 * Architecture (chosen by measurement on this 2-core machine, see ARCHITECTURE below):
 *   encoder  x [B, s²] → dense h1 relu → dense h2 relu → z_mean [B, 2] (+ z_log_var [B, 2] for vae)
 *   decoder  z [B, 2]  → dense h2 relu → dense h1 relu → dense s² sigmoid → x̂ [B, s²]
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ModelKind, TrainConfig } from '../../shared/train-config';
import { createRng, gaussian } from '../../shared/random';
import { denseLayer } from './dense-kernels';
import { sigmoidMse } from './loss-kernels';

/** Latent dimensions: always 2, so the latent space is a map. */
export const LATENT_DIM = 2;

/**
 * Hidden widths [h1, h2], mirrored in the decoder, with Adam at the default learning rate 0.02
 * (DEFAULT_TRAIN_CONFIG). Chosen by measurement on this 2-core machine (32 px, 4,000 images,
 * batch 64, relu, 3 seeds; "samples" = training samples until validation NMSE ≤ 0.05, the later
 * of the two targets; kNN R² ≥ 0.97 comes first in every run):
 *   width    lr     samples (mean)   samples/s (same load)   → seconds
 *   512-128  0.005  ~12,800           ~1,850                  ~6.9
 *   256-64   0.005  ~11,700           ~3,500                  ~3.3
 *   256-64   0.01   ~11,200           ~3,500                  ~3.2
 *   128-32   0.005  ~15,500           ~7,500                  ~2.1
 *   128-32   0.01   ~10,700           ~7,500                  ~1.4
 *   128-32   0.02    ~6,400           ~7,500                  ~0.9   ← default
 *   128-32   0.03    ~5,600           ~7,500                  ~0.75 (0.05 collapsed on one seed)
 *   192-48   0.02    ~5,300           ~5,000                  ~1.1
 *   64-32    0.02    ~7,200           ~9,000                  ~0.8  (reconstructions visibly coarser)
 * Batch 32 needs fewer samples but runs ~35 % slower; batch 128 needs ~1.8× the samples. ELU
 * finds the factors sooner but reconstructs no faster and costs more per step; tanh and a BCE
 * loss were slower to converge. Dense beats convolutions on wasm here: Conv2DBackpropInput is a
 * scalar loop (~1.3 GFLOP/s) and Conv2DBackpropFilter is missing.
 */
export const HIDDEN_UNITS: readonly [number, number] = [128, 32];

/** What fixes the shape of a model (the rest of TrainConfig only affects training). */
export interface ModelSpec {
  imageSize: number;
  kind: ModelKind;
  hidden: readonly number[];
}

/** One dense layer's weights. `kernel` is [in, out], `bias` is [out]. */
export interface DenseWeights {
  /** Layer name, also the tfjs-layers layer name when saved, e.g. "enc_1". */
  name: string;
  kernel: tf.Variable;
  bias: tf.Variable;
  activation: 'relu' | 'sigmoid' | 'linear';
}

/** A model: its spec and its layers. The caller owns the variables (dispose with `disposeModel`). */
export interface Autoencoder {
  spec: ModelSpec;
  /** Encoder trunk, from the image. */
  encoder: DenseWeights[];
  /** Heads on the trunk: `z_mean`, and `z_log_var` for a vae. */
  zMean: DenseWeights;
  zLogVar: DenseWeights | null;
  /** Decoder, from z to the image (last layer sigmoid). */
  decoder: DenseWeights[];
}

/** Encoder output: the code and, for a vae, its log-variance. Shapes [B, 2]. */
export interface Encoded {
  mean: tf.Tensor2D;
  logVar: tf.Tensor2D | null;
}

/** The spec a training config builds. */
export function specOf(config: Pick<TrainConfig, 'imageSize' | 'kind'>): ModelSpec {
  return { imageSize: config.imageSize, kind: config.kind, hidden: [...HIDDEN_UNITS] };
}

/** Every layer of a model, in a stable order (the save order). */
export function layersOf(model: Autoencoder): DenseWeights[] {
  return [...model.encoder, model.zMean, ...(model.zLogVar ? [model.zLogVar] : []), ...model.decoder];
}

/** Every trainable variable of a model. */
export function variablesOf(model: Autoencoder): tf.Variable[] {
  return layersOf(model).flatMap((l) => [l.kernel, l.bias]);
}

/** Layer names and shapes [in, out] of a spec, in save order. */
export function layerPlan(
  spec: ModelSpec,
): Array<{ name: string; units: [number, number]; activation: DenseWeights['activation'] }> {
  const pixels = spec.imageSize * spec.imageSize;
  const widths = [pixels, ...spec.hidden];
  const plan: Array<{ name: string; units: [number, number]; activation: DenseWeights['activation'] }> = [];
  for (let i = 0; i < spec.hidden.length; i++) {
    plan.push({ name: `enc_${i + 1}`, units: [widths[i]!, widths[i + 1]!], activation: 'relu' });
  }
  const last = widths[widths.length - 1]!;
  plan.push({ name: 'z_mean', units: [last, LATENT_DIM], activation: 'linear' });
  if (spec.kind === 'vae') plan.push({ name: 'z_log_var', units: [last, LATENT_DIM], activation: 'linear' });
  const back = [LATENT_DIM, ...[...spec.hidden].reverse(), pixels];
  for (let i = 0; i + 1 < back.length; i++) {
    const isOut = i + 2 === back.length;
    plan.push({
      name: isOut ? 'recon' : `dec_${i + 1}`,
      units: [back[i]!, back[i + 1]!],
      activation: isOut ? 'sigmoid' : 'relu',
    });
  }
  return plan;
}

/**
 * Builds a model with freshly initialised weights: Glorot-uniform kernels (Keras' default) from
 * a PRNG seeded by `seed`, so the same seed gives the same model on any backend; zero biases.
 * A vae's `z_log_var` starts at zero weights too (unit variance at start).
 */
export function buildAutoencoder(spec: ModelSpec, seed: number): Autoencoder {
  const rng = createRng(seed ^ 0x5eed);
  const prefix = uniqueVariablePrefix();
  const make = (
    name: string,
    units: [number, number],
    activation: DenseWeights['activation'],
  ): DenseWeights => {
    const [fanIn, fanOut] = units;
    const limit = name === 'z_log_var' ? 0 : Math.sqrt(6 / (fanIn + fanOut));
    const values = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < values.length; i++) values[i] = (2 * rng() - 1) * limit;
    return {
      name,
      activation,
      // tidy frees the initial tensors; variables survive it.
      kernel: tf.tidy(() => tf.variable(tf.tensor2d(values, units), true, `${prefix}/${name}/kernel`)),
      bias: tf.tidy(() => tf.variable(tf.zeros([fanOut]), true, `${prefix}/${name}/bias`)),
    };
  };
  return fromLayers(
    spec,
    layerPlan(spec).map((p) => make(p.name, p.units, p.activation)),
  );
}

let modelCount = 0;

/**
 * A prefix that keeps variable names unique: tfjs refuses two live variables with one name, and
 * the worker holds two models at once while it trains or loads. Saved weights drop the prefix.
 */
export function uniqueVariablePrefix(): string {
  return `m${++modelCount}`;
}

/** Assembles a model from layers in `layerPlan` order (used by the builder and the loader). */
export function fromLayers(spec: ModelSpec, layers: DenseWeights[]): Autoencoder {
  const n = spec.hidden.length;
  const heads = spec.kind === 'vae' ? 2 : 1;
  return {
    spec,
    encoder: layers.slice(0, n),
    zMean: layers[n]!,
    zLogVar: spec.kind === 'vae' ? layers[n + 1]! : null,
    decoder: layers.slice(n + heads),
  };
}

/**
 * A model of `spec` whose variables hold the given weights (copied), layer by layer in `layerPlan`
 * order; the caller frees the tensors `weightOf` returns. Used by the loader and the decoding mirror.
 */
export function modelOfWeights(
  spec: ModelSpec,
  weightOf: (name: string, units: [number, number]) => { kernel: tf.Tensor; bias: tf.Tensor },
  trainable = true,
): Autoencoder {
  const prefix = uniqueVariablePrefix();
  return fromLayers(
    spec,
    layerPlan(spec).map((p) => {
      const w = weightOf(p.name, p.units);
      return {
        name: p.name,
        activation: p.activation,
        kernel: tf.variable(w.kernel, trainable, `${prefix}/${p.name}/kernel`),
        bias: tf.variable(w.bias, trainable, `${prefix}/${p.name}/bias`),
      };
    }),
  );
}

/** Frees a model's variables. */
export function disposeModel(model: Autoencoder): void {
  for (const v of variablesOf(model)) v.dispose();
}

/** x [B, in] → [B, out] through one layer (one fused dense kernel, see dense-kernels.ts). */
function dense(layer: DenseWeights, x: tf.Tensor2D): tf.Tensor2D {
  const kernel = layer.kernel as tf.Tensor2D;
  const bias = layer.bias as tf.Tensor1D;
  if (layer.activation === 'sigmoid') return tf.sigmoid(denseLayer(x, kernel, bias, 'linear'));
  return denseLayer(x, kernel, bias, layer.activation);
}

/** Images x [B, s²] → codes. */
export function encode(model: Autoencoder, x: tf.Tensor2D): Encoded {
  let h = x;
  for (const layer of model.encoder) h = dense(layer, h);
  return { mean: dense(model.zMean, h), logVar: model.zLogVar ? dense(model.zLogVar, h) : null };
}

/** Codes z [B, 2] → images [B, s²] in [0, 1]. */
export function decode(model: Autoencoder, z: tf.Tensor2D): tf.Tensor2D {
  let h = z;
  for (const layer of model.decoder) h = dense(layer, h);
  return h;
}

/**
 * Codes z [B, 2] → the last layer's logits u [B, s²] (images = sigmoid(u)), for the loss, which
 * fuses the sigmoid into itself (loss-kernels.ts).
 */
function decodeLogits(model: Autoencoder, z: tf.Tensor2D): tf.Tensor2D {
  const layers = model.decoder;
  const last = layers[layers.length - 1]!;
  if (last.activation !== 'sigmoid')
    throw new Error(`The decoder's last layer must be sigmoid, not ${last.activation}.`);
  let h = z;
  for (const layer of layers.slice(0, -1)) h = dense(layer, h);
  return denseLayer(h, last.kernel as tf.Tensor2D, last.bias as tf.Tensor1D, 'linear');
}

/** The weights of the loss terms (from TrainConfig). */
export interface LossWeights {
  /** KL weight β (vae only). */
  beta: number;
  /** Alignment weight λ. */
  align: number;
}

/** Scalar loss tensors of one batch. */
export interface LossTerms {
  total: tf.Scalar;
  /** Mean squared pixel error. */
  recon: tf.Scalar;
  /**
   * The terms the total adds, as one tensor [recon, klPerPixel, align, kl₁, kl₂]: reconstruction
   * (as `recon`), the VAE's KL per image in nats ÷ pixels (the scale the total adds it on, times
   * β), the alignment term (times λ), and the KL of each latent dimension in nats (mean over the
   * batch). So total = recon + β·klPerPixel + λ·align. Null for a plain autoencoder at λ = 0,
   * whose total is its reconstruction term (why: the extra kernels cost 5–7 % of a step).
   */
  parts: tf.Tensor1D | null;
  /** The decoded images the loss compared with x (of the mean code without `noise`), [B, s²]. */
  decoded: tf.Tensor2D;
}

/**
 * The alignment target of true factors f ∈ [0,1]: z* = 2·(f − 0.5) ∈ [−1, 1], so an aligned
 * model's z1 reads as height and z2 as radius (−1 = smallest, +1 = largest).
 */
export function factorsToLatent(factors: tf.Tensor2D): tf.Tensor2D {
  return tf.sub(tf.mul(factors, 2), 1);
}

/**
 * Loss of a batch: reconstruction MSE (mean over pixels and batch)
 *   + β · KL(q(z|x) ‖ N(0, I)) / s²   (vae; KL summed over the 2 latent dims, batch mean; divided
 *     by the pixel count so β weighs it against the per-pixel MSE like a per-image sum would:
 *     β = 1 is the textbook VAE with a Gaussian decoder, measured codes within about ±2.5)
 *   + λ · mean ‖z_mean − z*‖²          (when align > 0; z* = factorsToLatent(factors)).
 * `noise` [B, 2] is the standard normal draw of the reparameterisation (vae, training only);
 * without it the vae decodes its mean.
 */
export function lossOf(
  model: Autoencoder,
  x: tf.Tensor2D,
  factors: tf.Tensor2D | null,
  weights: LossWeights,
  noise: tf.Tensor2D | null,
): LossTerms {
  const { mean, logVar } = encode(model, x);
  let z = mean;
  if (logVar && noise) z = tf.add(mean, tf.mul(tf.exp(tf.mul(logVar, 0.5)), noise));
  const { recon, decoded } = sigmoidMse(decodeLogits(model, z), x);
  const pixels = model.spec.imageSize * model.spec.imageSize;
  let total: tf.Scalar = recon;
  if (!logVar && !(factors && weights.align > 0)) return { total, recon, decoded, parts: null };
  let klPerPixel: tf.Scalar = tf.scalar(0);
  let klPerDim: tf.Tensor1D = tf.zeros([LATENT_DIM]);
  if (logVar) {
    // KL of each dimension = −½ (1 + logσ² − μ² − σ²), averaged over the batch (nats).
    klPerDim = tf.mul(
      tf.mean(tf.sub(tf.add(1, logVar), tf.add(tf.square(mean), tf.exp(logVar))), 0),
      -0.5,
    ) as tf.Tensor1D;
    klPerPixel = tf.div(tf.sum(klPerDim), pixels) as tf.Scalar;
    if (weights.beta > 0) total = tf.add(total, tf.mul(klPerPixel, weights.beta));
  }
  let align: tf.Scalar = tf.scalar(0);
  if (factors && weights.align > 0) {
    align = tf.mean(tf.squaredDifference(mean, factorsToLatent(factors)));
    total = tf.add(total, tf.mul(align, weights.align));
  }
  const parts = tf.concat([tf.stack([recon, klPerPixel, align]), klPerDim]) as tf.Tensor1D;
  return { total, recon, decoded, parts };
}

/** A reproducible standard normal [rows, 2] for the vae's reparameterisation. */
export function normalNoise(rows: number, rng: () => number): tf.Tensor2D {
  const values = new Float32Array(rows * LATENT_DIM);
  for (let i = 0; i < values.length; i++) values[i] = gaussian(rng);
  return tf.tensor2d(values, [rows, LATENT_DIM]);
}
