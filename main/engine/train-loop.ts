/**
 * The training loop: async, one `tf.tidy` per step, yields to the event loop between batches (so
 * pause/stop messages and decode requests are seen), reports progress at most every
 * PROGRESS_INTERVAL_MS plus once per epoch, and evaluates metrics at the end of each epoch.
 * A non-finite loss stops the run with a clear error after restoring the last good weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Metrics, TrainConfig, TrainEpoch, TrainProgress } from '../../shared/api';
import type { Dataset, DatasetSplit } from '../../shared/dataset';
import { createRng, shuffleInPlace } from '../../shared/random';
import { computeMetrics } from '../../shared/stats';
import { type Autoencoder, decode, encode, lossOf, normalNoise, variablesOf } from './model';

/** Least time between two progress reports (the epoch-end report is always sent). */
export const PROGRESS_INTERVAL_MS = 100;
/**
 * Steps over which the learning rate ramps up linearly to its configured value. Why: at the
 * default rate (0.02) Adam's first steps could kill every relu of the encoder (a constant code,
 * seen with λ = 1); the ramp avoids that and also reached the quality targets sooner (9,600 vs
 * 12,800 samples with λ = 1).
 */
export const WARMUP_STEPS = 50;
/** Rows per tensor when encoding/decoding a whole split (bounds peak memory). */
const EVAL_CHUNK = 1024;

/** Pause/stop requests, read by the loop between steps. */
export class TrainControl {
  private pausedFlag = false;
  private stopFlag = false;
  private wake: (() => void) | null = null;

  get paused(): boolean {
    return this.pausedFlag;
  }
  get stopRequested(): boolean {
    return this.stopFlag;
  }
  pause(): void {
    this.pausedFlag = true;
  }
  resume(): void {
    this.pausedFlag = false;
    this.wake?.();
  }
  /** Ends the run after the current step (also while paused). */
  stop(): void {
    this.stopFlag = true;
    this.wake?.();
  }
  /** Resolves once the run is resumed or stopped. */
  async waitWhilePaused(): Promise<void> {
    while (this.pausedFlag && !this.stopFlag) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }
}

/** Thrown when the loss becomes NaN or Infinity; the model holds the last good weights. */
export class TrainingDivergedError extends Error {
  /** What happened, without advice, e.g. "Training diverged (loss became NaN or Infinity) at epoch 3, step 12". */
  readonly reason: string;
  constructor(
    readonly epoch: number,
    readonly step: number,
  ) {
    const reason = `Training diverged (loss became NaN or Infinity) at epoch ${epoch}, step ${step}`;
    super(`${reason}; the last good weights were kept. Try a lower learning rate.`);
    this.reason = reason;
    this.name = 'TrainingDivergedError';
  }
}

/** What the loop needs. The model is trained in place. */
export interface TrainLoopOptions {
  runId: string;
  config: TrainConfig;
  dataset: Dataset;
  model: Autoencoder;
  control: TrainControl;
  onProgress?: (progress: TrainProgress) => void;
  onEpoch?: (epoch: TrainEpoch) => void;
  /** Test hook: poisons the batch of this global step (0-based) with NaN. */
  injectNanAtStep?: number;
  /** Test hook: called before each step with its global step (0-based), e.g. to simulate a crash. */
  beforeStep?: (globalStep: number) => void;
}

/** The outcome of a run that did not diverge. */
export interface TrainOutcome {
  stopped: boolean;
  epochsTrained: number;
  /** Metrics on the final weights. */
  metrics: Metrics;
  /** Validation codes on the final weights, interleaved. */
  valCodes: Float32Array;
  /** Seconds spent training and evaluating (pauses excluded). */
  trainSeconds: number;
  /** Training throughput over the steps alone. */
  samplesPerSecond: number;
}

/** Everything computed on the current weights at an epoch end. */
export interface Evaluation {
  metrics: Metrics;
  valCodes: Float32Array;
  lossVal: number;
}

/** Runs the whole training; rejects with TrainingDivergedError on a non-finite loss. */
export async function runTraining(opts: TrainLoopOptions): Promise<TrainOutcome> {
  const { config, dataset, model, control, runId } = opts;
  const train = dataset.train;
  const pixels = dataset.imageSize * dataset.imageSize;
  const batchSize = Math.min(config.batchSize, train.count);
  const stepsPerEpoch = Math.floor(train.count / batchSize);
  const optimizer = tf.train.adam(config.learningRate);
  const vars = variablesOf(model);
  const rng = createRng(config.seed + 1);
  const order = Int32Array.from({ length: train.count }, (_, i) => i);
  const xBatch = new Float32Array(batchSize * pixels);
  const fBatch = new Float32Array(batchSize * 2);
  let snapshot: tf.Tensor[] = vars.map((v) => tf.keep(tf.clone(v)));
  let activeMs = 0; // training and evaluation, pauses excluded
  let stepMs = 0; // training steps only: the throughput figure
  let samples = 0;
  let lastReport = -Infinity;
  let lossVal: number | null = null;
  let lastLossTrain = Number.NaN;
  let epochsTrained = 0;
  let globalStep = 0;
  let last: Evaluation | null = null;
  try {
    for (let epoch = 1; epoch <= config.epochs && !control.stopRequested; epoch++) {
      shuffleInPlace(order, rng);
      let lossSum = 0;
      let stepsDone = 0;
      for (let step = 0; step < stepsPerEpoch; step++) {
        await yieldToEventLoop();
        if (control.paused) {
          opts.onProgress?.(progressOf(epoch, step, lastLossTrain, lossVal, true));
          await control.waitWhilePaused();
          opts.onProgress?.(progressOf(epoch, step, lastLossTrain, lossVal, false));
        }
        if (control.stopRequested) break;
        opts.beforeStep?.(globalStep);
        const t0 = performance.now();
        fillBatch(train, order, step * batchSize, xBatch, fBatch, pixels);
        if (globalStep === opts.injectNanAtStep) xBatch.fill(Number.NaN, 0, pixels);
        setLearningRate(optimizer, config.learningRate * Math.min(1, (globalStep + 1) / WARMUP_STEPS));
        const { loss, grads } = trainStep(model, vars, xBatch, fBatch, config, rng);
        if (!Number.isFinite(loss)) {
          tf.dispose(grads);
          restore(vars, snapshot);
          throw new TrainingDivergedError(epoch, step + 1);
        }
        // The weights before this update gave a finite loss: they are the new "last good" ones.
        // Clones share the variables' buffers until the optimizer assigns new ones, so this is cheap.
        tf.dispose(snapshot);
        snapshot = vars.map((v) => tf.keep(tf.clone(v)));
        applyGradients(optimizer, grads);
        const elapsed = performance.now() - t0;
        activeMs += elapsed;
        stepMs += elapsed;
        samples += batchSize;
        lossSum += loss;
        stepsDone++;
        lastLossTrain = lossSum / stepsDone;
        globalStep++;
        const now = performance.now();
        if (now - lastReport >= PROGRESS_INTERVAL_MS && step + 1 < stepsPerEpoch) {
          lastReport = now;
          opts.onProgress?.(progressOf(epoch, step + 1, lastLossTrain, lossVal, false));
        }
      }
      if (stepsDone === 0) break;
      const t0 = performance.now();
      last = evaluate(model, dataset, config);
      activeMs += performance.now() - t0;
      lossVal = last.lossVal;
      epochsTrained = epoch;
      const lossTrain = lossSum / stepsDone;
      opts.onProgress?.(progressOf(epoch, stepsDone, lossTrain, lossVal, false));
      lastReport = performance.now();
      opts.onEpoch?.({ runId, epoch, epochs: config.epochs, lossTrain, lossVal, metrics: last.metrics, codes: last.valCodes });
    }
  } finally {
    tf.dispose(snapshot);
    optimizer.dispose();
  }
  // Stopped mid-epoch (or before the first epoch ended): report on the weights as they are.
  const stopped = control.stopRequested && epochsTrained < config.epochs;
  const final = stopped || !last ? evaluate(model, dataset, config) : last;
  return {
    stopped,
    epochsTrained,
    metrics: final.metrics,
    valCodes: final.valCodes,
    trainSeconds: activeMs / 1000,
    samplesPerSecond: stepMs > 0 ? samples / (stepMs / 1000) : 0,
  };

  function progressOf(epoch: number, step: number, lossTrain: number, lv: number | null, paused: boolean): TrainProgress {
    const seconds = activeMs / 1000;
    const done = (epoch - 1) * stepsPerEpoch + step;
    const total = config.epochs * stepsPerEpoch;
    const etaSeconds = done > 0 ? (seconds / done) * (total - done) : 0;
    return {
      runId,
      epoch,
      epochs: config.epochs,
      step,
      stepsPerEpoch,
      lossTrain,
      lossVal: lv,
      samplesPerSecond: stepMs > 0 ? samples / (stepMs / 1000) : 0,
      etaSeconds,
      paused,
    };
  }
}

/**
 * Computes loss and gradients for one batch; the gradients are returned, not applied, so that a
 * non-finite loss can be refused before it touches the weights (see `applyGradients`).
 * xBatch is [B, s²] row-major, fBatch the interleaved factors [B, 2].
 */
export function trainStep(
  model: Autoencoder,
  vars: tf.Variable[],
  xBatch: Float32Array,
  fBatch: Float32Array,
  config: TrainConfig,
  rng: () => number,
): { loss: number; grads: tf.NamedTensorMap } {
  const rows = fBatch.length / 2;
  const { value, grads } = tf.tidy(() => {
    const x = tf.tensor2d(xBatch, [rows, xBatch.length / rows]); // [B, s²]
    const f = tf.tensor2d(fBatch, [rows, 2]); // [B, 2]
    const noise = config.kind === 'vae' ? normalNoise(rows, rng) : null; // [B, 2]
    return tf.variableGrads(() => lossOf(model, x, f, config, noise).total, vars);
  });
  const loss = value.dataSync()[0] ?? Number.NaN;
  value.dispose();
  return { loss, grads };
}

/** Adam reads its public-at-runtime `learningRate` field on every update. */
function setLearningRate(optimizer: tf.AdamOptimizer, rate: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = rate;
}

/** Applies (and frees) the gradients of `trainStep`. */
export function applyGradients(optimizer: tf.Optimizer, grads: tf.NamedTensorMap): void {
  tf.tidy(() => optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor }))));
  tf.dispose(grads);
}

function restore(vars: tf.Variable[], snapshot: tf.Tensor[]): void {
  vars.forEach((v, i) => v.assign(snapshot[i] as tf.Tensor));
}

/** Copies the rows `order[start .. start+B)` of a split into the batch buffers. */
function fillBatch(
  split: DatasetSplit,
  order: Int32Array,
  start: number,
  xBatch: Float32Array,
  fBatch: Float32Array,
  pixels: number,
): void {
  const rows = fBatch.length / 2;
  for (let i = 0; i < rows; i++) {
    const j = order[start + i] as number;
    xBatch.set(split.images.subarray(j * pixels, (j + 1) * pixels), i * pixels);
    fBatch[2 * i] = split.factors[2 * j] as number;
    fBatch[2 * i + 1] = split.factors[2 * j + 1] as number;
  }
}

/** Lets queued messages (pause, stop, decode requests) run between steps. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Encodes `count` images (interleaved codes out), in chunks. */
export function encodeImages(model: Autoencoder, images: Float32Array, count: number): Float32Array {
  const pixels = model.spec.imageSize * model.spec.imageSize;
  const out = new Float32Array(2 * count);
  for (let start = 0; start < count; start += EVAL_CHUNK) {
    const rows = Math.min(EVAL_CHUNK, count - start);
    const codes = tf.tidy(() => {
      const x = tf.tensor2d(images.subarray(start * pixels, (start + rows) * pixels), [rows, pixels]);
      return encode(model, x).mean;
    });
    out.set(codes.dataSync(), 2 * start);
    codes.dispose();
  }
  return out;
}

/** Decodes interleaved codes (length 2·n) into n images, in chunks. */
export function decodeCodes(model: Autoencoder, codes: Float32Array): Float32Array {
  const pixels = model.spec.imageSize * model.spec.imageSize;
  const count = codes.length / 2;
  const out = new Float32Array(count * pixels);
  for (let start = 0; start < count; start += EVAL_CHUNK) {
    const rows = Math.min(EVAL_CHUNK, count - start);
    const images = tf.tidy(() => decode(model, tf.tensor2d(codes.subarray(2 * start, 2 * (start + rows)), [rows, 2])));
    out.set(images.dataSync(), start * pixels);
    images.dispose();
  }
  return out;
}

/** Metrics, validation codes and validation loss on the current weights. */
export function evaluate(model: Autoencoder, dataset: Dataset, config: TrainConfig): Evaluation {
  const { train, val } = dataset;
  const valCodes = encodeImages(model, val.images, val.count);
  const valRecon = decodeCodes(model, valCodes);
  const trainCodes = encodeImages(model, train.images, train.count);
  const metrics = computeMetrics({
    valImages: val.images,
    valRecon,
    valCodes,
    valFactors: val.factors,
    trainCodes,
    trainFactors: train.factors,
  });
  return { metrics, valCodes, lossVal: validationLoss(model, val, config) };
}

/** The training loss on the validation split (vae: on the means, without sampling). */
function validationLoss(model: Autoencoder, val: DatasetSplit, config: TrainConfig): number {
  const pixels = model.spec.imageSize * model.spec.imageSize;
  const loss = tf.tidy(() => {
    const x = tf.tensor2d(val.images, [val.count, pixels]);
    const f = tf.tensor2d(val.factors, [val.count, 2]);
    return lossOf(model, x, f, config, null).total;
  });
  const value = loss.dataSync()[0] ?? Number.NaN;
  loss.dispose();
  return value;
}
