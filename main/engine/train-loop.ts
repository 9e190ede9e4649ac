/**
 * The training loop: async, one `tf.tidy` per step, yields to the event loop between batches (so
 * pause/stop messages and decode requests are seen), reports progress at most every
 * PROGRESS_INTERVAL_MS plus once per epoch, and evaluates metrics at the end of each epoch.
 * A non-finite loss stops the run with a clear error after restoring the last good weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LossBreakdown, Metrics, TrainEpoch, TrainProgress } from '../../shared/api';
import type { TrainConfig } from '../../shared/train-config';
import type { Dataset } from '../../shared/dataset';
import { createRng, shuffleInPlace } from '../../shared/random';
import { type Evaluation, evaluate } from './evaluate';
import { FusedAdam } from './fused-adam';
import { type Autoencoder, variablesOf } from './model';
import { yieldToEventLoop } from './slices';
import { applyGradients, fillBatch, type LossParts, restore, setLearningRate, trainStep } from './train-step';
import type { InteractionClock } from './interaction-clock';

/** Least time between two progress reports (the epoch-end report is always sent). */
export const PROGRESS_INTERVAL_MS = 100;
/**
 * Steps over which the learning rate ramps up linearly to its configured value. Why: at the
 * default rate (0.02) Adam's first steps could kill every relu of the encoder (a constant code,
 * seen with λ = 1); the ramp avoids that and also reached the quality targets sooner (9,600 vs
 * 12,800 samples with λ = 1).
 */
export const WARMUP_STEPS = 50;

/**
 * While the user drags a slider or hovers the map (a small decode in the last INTERACTIVE_MS, sent
 * to the engine or, noted in the shared InteractionClock, to the decoding worker), the loop rests
 * INTERACTIVE_REST_MS between steps instead of only yielding. Why (issue 11): on 2 cores a training
 * thread that never sleeps keeps one core busy and, with the browser, its workers and the host on
 * the other, held a slider's preview for 100–500 ms; resting gives the CPU back while someone is
 * interacting, at the cost of training slower meanwhile (about half speed, only then).
 */
export const INTERACTIVE_MS = 400;
export const INTERACTIVE_REST_MS = 4;

/** Pause/stop requests, read by the loop between steps. */
export class TrainControl {
  private pausedFlag = false;
  private stopFlag = false;
  private wake: (() => void) | null = null;
  private interactiveUntil = -Infinity;

  /** `shared`: interactions noted by another thread (interaction-clock.ts). */
  constructor(private readonly shared?: InteractionClock) {}

  /** Someone is interacting now (a slider's or the hover's decode): rest between steps a while. */
  noteInteraction(now = performance.now()): void {
    this.interactiveUntil = now + INTERACTIVE_MS;
  }
  /** Whether the loop should rest between steps now. */
  interactive(now = performance.now()): boolean {
    return now < this.interactiveUntil || (this.shared !== undefined && this.shared.since() < INTERACTIVE_MS);
  }

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
  /** The loop's clock in milliseconds (default `performance.now`); tests drive the throttle with it. */
  clock?: () => number;
  /**
   * Evaluate at every epoch's end (default true; `onEpoch` needs it). False: only once, at the end,
   * for runs nobody watches epoch by epoch (the β ladder), where evaluation is a good part of the time.
   */
  evaluateEpochs?: boolean;
}

/** The outcome of a run that did not diverge. */
export interface TrainOutcome {
  stopped: boolean;
  epochsTrained: number;
  /**
   * Metrics and validation codes (interleaved) on the final weights; null when the run was stopped
   * before its first epoch ended (its weights are noise, not worth evaluating).
   */
  final: { metrics: Metrics; valCodes: Float32Array } | null;
  /** Seconds spent training and evaluating (pauses excluded). */
  trainSeconds: number;
  /** Training throughput over the steps alone. */
  samplesPerSecond: number;
}

/** Runs the whole training; rejects with TrainingDivergedError on a non-finite loss. */
export async function runTraining(opts: TrainLoopOptions): Promise<TrainOutcome> {
  const run = new TrainingRun(opts);
  try {
    for (let epoch = 1; epoch <= opts.config.epochs && !opts.control.stopRequested; epoch++) {
      if (!(await run.trainEpoch(epoch))) break;
    }
    return await run.outcome();
  } finally {
    run.dispose();
  }
}

/** The state of one run: optimizer, batch buffers, last good weights, clocks and counters. */
class TrainingRun {
  private readonly batchSize: number;
  private readonly stepsPerEpoch: number;
  private readonly pixels: number;
  private readonly optimizer: FusedAdam;
  private readonly vars: tf.Variable[];
  private readonly rng: () => number;
  private readonly now: () => number;
  private readonly order: Int32Array;
  private readonly xBatch: Float32Array; // [B, s²]
  private readonly fBatch: Float32Array; // [B, 2]
  /** Weights before the latest update: restored when a loss turns non-finite. */
  private snapshot: tf.Tensor[];
  private activeMs = 0; // training and evaluation, pauses excluded
  private stepMs = 0; // training steps only: the throughput figure
  private samples = 0;
  private lastReport = -Infinity;
  private lossVal: number | null = null;
  private lastLossTrain = Number.NaN;
  /** The sums behind lastLossTrain's terms (null before the first step); averaged only when reported. */
  private lastTerms: TermSums | null = null;
  private epochsTrained = 0;
  private globalStep = 0;
  private last: Evaluation | null = null;
  /** The global step `last` was evaluated at: the weights have not moved since when equal. */
  private lastAtStep = -1;

  constructor(private readonly opts: TrainLoopOptions) {
    const { config, dataset, model } = opts;
    this.pixels = dataset.imageSize * dataset.imageSize;
    this.batchSize = Math.min(config.batchSize, dataset.train.count);
    this.stepsPerEpoch = Math.floor(dataset.train.count / this.batchSize);
    // Same weights as tf.train.adam(learningRate), about 8× cheaper per update (fused-adam.ts).
    this.optimizer = new FusedAdam(config.learningRate);
    this.vars = variablesOf(model);
    this.rng = createRng(config.seed + 1);
    this.now = opts.clock ?? (() => performance.now());
    this.order = Int32Array.from({ length: dataset.train.count }, (_, i) => i);
    this.xBatch = new Float32Array(this.batchSize * this.pixels);
    this.fBatch = new Float32Array(this.batchSize * 2);
    this.snapshot = this.vars.map((v) => tf.clone(v));
  }

  /**
   * One epoch (shuffled), then its evaluation; false when stopped before its last step. Why a
   * stopped epoch does not end: it would count as trained (a few steps of epoch 1 reported as
   * "1 epoch" replaced the previous model with noise).
   */
  async trainEpoch(epoch: number): Promise<boolean> {
    const { control } = this.opts;
    shuffleInPlace(this.order, this.rng);
    let lossSum = 0;
    let stepsDone = 0;
    const terms = new TermSums();
    for (let step = 0; step < this.stepsPerEpoch; step++) {
      if (control.interactive()) await new Promise((r) => setTimeout(r, INTERACTIVE_REST_MS));
      else await yieldToEventLoop();
      if (control.paused) {
        this.report(epoch, step, this.lastLossTrain, true);
        await control.waitWhilePaused();
        this.report(epoch, step, this.lastLossTrain, false);
      }
      if (control.stopRequested) break;
      const { loss, parts } = this.trainOneStep(epoch, step);
      lossSum += loss;
      terms.add(parts);
      stepsDone++;
      this.lastLossTrain = lossSum / stepsDone;
      this.lastTerms = terms;
      const now = this.now();
      if (now - this.lastReport >= PROGRESS_INTERVAL_MS && step + 1 < this.stepsPerEpoch) {
        this.lastReport = now;
        this.report(epoch, step + 1, this.lastLossTrain, false);
      }
    }
    if (stepsDone < this.stepsPerEpoch) return false;
    await this.endEpoch(epoch, lossSum / stepsDone, stepsDone);
    return true;
  }

  /** One update; returns its loss and terms. Throws TrainingDivergedError (weights restored) on a non-finite loss. */
  private trainOneStep(epoch: number, step: number): { loss: number; parts: LossParts } {
    const { config, dataset, model } = this.opts;
    this.opts.beforeStep?.(this.globalStep);
    const t0 = this.now();
    fillBatch(dataset.train, this.order, step * this.batchSize, this.xBatch, this.fBatch, this.pixels);
    if (this.globalStep === this.opts.injectNanAtStep) this.xBatch.fill(Number.NaN, 0, this.pixels);
    setLearningRate(this.optimizer, config.learningRate * Math.min(1, (this.globalStep + 1) / WARMUP_STEPS));
    const {
      loss,
      terms: parts,
      grads,
    } = trainStep(model, this.vars, this.xBatch, this.fBatch, config, this.rng);
    if (!Number.isFinite(loss)) {
      tf.dispose(grads);
      restore(this.vars, this.snapshot);
      throw new TrainingDivergedError(epoch, step + 1);
    }
    // The weights before this update gave a finite loss: they are the new "last good" ones.
    // Clones share the variables' buffers (wasm-kernels.ts, sharingIdentity) and the optimizer
    // assigns new ones, so this copies nothing.
    tf.dispose(this.snapshot);
    this.snapshot = this.vars.map((v) => tf.clone(v));
    applyGradients(this.optimizer, grads);
    const elapsed = this.now() - t0;
    this.activeMs += elapsed;
    this.stepMs += elapsed;
    this.samples += this.batchSize;
    this.globalStep++;
    return { loss, parts };
  }

  private async endEpoch(epoch: number, lossTrain: number, stepsDone: number): Promise<void> {
    const { config, dataset, model, runId } = this.opts;
    if (this.opts.evaluateEpochs === false) {
      this.epochsTrained = epoch;
      this.report(epoch, stepsDone, lossTrain, false);
      this.lastReport = this.now();
      return;
    }
    const t0 = this.now();
    const last = await evaluate(model, dataset, config);
    this.activeMs += this.now() - t0;
    this.last = last;
    this.lastAtStep = this.globalStep;
    this.lossVal = last.lossVal;
    this.epochsTrained = epoch;
    this.report(epoch, stepsDone, lossTrain, false);
    this.lastReport = this.now();
    const codes = last.valCodes;
    this.opts.onEpoch?.({
      runId,
      epoch,
      epochs: config.epochs,
      lossTrain,
      lossVal: last.lossVal,
      ...(this.lastTerms ? { terms: this.lastTerms.mean() } : {}),
      metrics: last.metrics,
      codes,
    });
  }

  dispose(): void {
    tf.dispose(this.snapshot);
    this.optimizer.dispose();
  }

  /**
   * The result; stopped mid-epoch: evaluated on the weights as they are, once an epoch has ended
   * (before that there is nothing worth evaluating).
   */
  async outcome(): Promise<TrainOutcome> {
    const { config, dataset, model, control } = this.opts;
    const stopped = control.stopRequested && this.epochsTrained < config.epochs;
    const moved = this.globalStep !== this.lastAtStep;
    const last =
      this.epochsTrained > 0 && (moved || !this.last) ? await evaluate(model, dataset, config) : this.last;
    return {
      stopped,
      epochsTrained: this.epochsTrained,
      final: last && { metrics: last.metrics, valCodes: last.valCodes },
      trainSeconds: this.activeMs / 1000,
      samplesPerSecond: this.samplesPerSecond(),
    };
  }

  private samplesPerSecond(): number {
    return this.stepMs > 0 ? this.samples / (this.stepMs / 1000) : 0;
  }

  private report(epoch: number, step: number, lossTrain: number, paused: boolean): void {
    const { config, runId } = this.opts;
    const seconds = this.activeMs / 1000;
    const done = (epoch - 1) * this.stepsPerEpoch + step;
    const total = config.epochs * this.stepsPerEpoch;
    const etaSeconds = done > 0 ? (seconds / done) * (total - done) : 0;
    this.opts.onProgress?.({
      runId,
      epoch,
      epochs: config.epochs,
      step,
      stepsPerEpoch: this.stepsPerEpoch,
      lossTrain,
      lossVal: this.lossVal,
      samplesPerSecond: this.samplesPerSecond(),
      etaSeconds,
      paused,
      ...(this.lastTerms ? { terms: this.lastTerms.mean() } : {}),
    });
  }
}

/** Sums of a step's loss terms over an epoch, and their means (LossBreakdown). */
class TermSums {
  private steps = 0;
  private recon = 0;
  private kl = 0;
  private align = 0;
  private klPerDim: number[] = [];

  add(parts: LossParts): void {
    this.steps++;
    this.recon += parts.recon;
    this.kl += parts.klPerPixel;
    this.align += parts.align;
    parts.klPerDim.forEach((v, i) => (this.klPerDim[i] = (this.klPerDim[i] ?? 0) + v));
  }

  mean(): LossBreakdown {
    const n = Math.max(1, this.steps);
    return {
      lossRecon: this.recon / n,
      lossKl: this.kl / n,
      lossAlign: this.align / n,
      klPerDim: this.klPerDim.map((v) => v / n),
    };
  }
}
