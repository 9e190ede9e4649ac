/**
 * What the worker thread owns: the current model, the training run (if any) and the datasets.
 * Independent of worker_threads (worker.ts only wires messages to it), so tests can drive it
 * in-process. Encode/decode use the weights being trained while a run is in progress; JavaScript
 * runs them between two training steps, since the loop yields after every step.
 *
 * Payloads are validated three times on purpose, as defence in depth at a thread boundary:
 * shared/validate.ts checks every request at the service, encode/decode here check sizes and
 * finiteness again, and `train` runs validateTrainConfig again. The worker trusts no caller, so
 * a service bug or another client (the CLIs, the benchmark) cannot feed it NaN or huge sizes.
 */
import type { DataSplit, ModelCodes, ModelState, TrainEpoch } from '../../shared/api';
import type { TrainConfig } from '../../shared/train-config';
import { errorMessage } from '../../shared/errors';
import type { Dataset } from '../../shared/dataset';
import { validateTrainConfig } from '../../shared/validate';
import { initBackend } from './backend';
import { DatasetCache } from './dataset-cache';
import { decodeCodes, encodeImages, encodeWithLogVar, evaluate } from './evaluate';
import { type Held, newMeta, stateOf, summaryOf, trainedName } from './held-model';
import { type Autoencoder, buildAutoencoder, disposeModel, specOf } from './model';
import type { AtlasMeta } from './model-meta';
import { fromStored, packBundle, readModelDir, toStored, unpackBundle, writeModelDir } from './model-store';
import { TrainControl, TrainingDivergedError, type TrainOutcome, runTraining } from './train-loop';
import type { HeldSource, ModelSnapshot, WorkerEvents } from './worker-protocol';

/** Sends an event to the client. */
export type Emit = <E extends keyof WorkerEvents>(event: E, payload: WorkerEvents[E]) => void;

/** A run in progress. */
interface Run {
  held: Held;
  control: TrainControl;
}

/** Test hooks of the training loop (see TrainLoopOptions). */
export interface CoreOptions {
  injectNanAtStep?: number;
  beforeStep?: (globalStep: number) => void;
}

/** The worker's state and operations. Every method throws an Error with a user-facing message. */
export class EngineCore {
  private held: Held | null = null;
  private run: Run | null = null;
  private readonly datasets = new DatasetCache();

  constructor(
    private readonly emit: Emit,
    private readonly opts: CoreOptions = {},
  ) {}

  init(): Promise<string> {
    return initBackend();
  }

  current(): ModelState | null {
    const held = this.run?.held ?? this.held;
    return held ? stateOf(held) : null;
  }

  /** Starts a run and returns at once; events report its course. */
  train(configArg: TrainConfig, runId: string): { runId: string } {
    if (this.run) throw new Error('A training run is already in progress; stop it first.');
    const config = validateTrainConfig(configArg);
    const dataset = this.datasets.get(config);
    const model = buildAutoencoder(specOf(config), config.seed);
    const meta = newMeta(runId, `Training ${config.kind.toUpperCase()} (λ = ${config.align})`, config);
    const codes = encodeImages(model, dataset.val.images, dataset.val.count);
    const held: Held = {
      model,
      meta,
      source: 'training',
      points: { codes, factors: dataset.val.factors, count: dataset.val.count },
    };
    const run: Run = { held, control: new TrainControl() };
    this.run = run;
    this.announce();
    void this.execute(run, config, dataset, runId);
    return { runId };
  }

  pause(): void {
    this.run?.control.pause();
  }
  resume(): void {
    this.run?.control.resume();
  }
  stop(): void {
    this.run?.control.stop();
  }

  encode(images: Float32Array, count: number): Float32Array {
    const { model } = this.require();
    const pixels = model.spec.imageSize ** 2;
    if (!Number.isInteger(count) || count < 0 || images.length !== count * pixels) {
      throw new Error(
        `encode: expected ${count} images of ${model.spec.imageSize}×${model.spec.imageSize} pixels (${count * pixels} values), got ${images.length}`,
      );
    }
    return count === 0 ? new Float32Array(0) : encodeImages(model, images, count);
  }

  decode(z: Float32Array): Float32Array {
    const { model } = this.require();
    if (z.length % 2 !== 0)
      throw new Error(`decode: codes must be interleaved pairs, got ${z.length} values`);
    for (let i = 0; i < z.length; i++) {
      if (!Number.isFinite(z[i]!)) throw new Error(`decode: code value ${i} is not a finite number`);
    }
    return z.length === 0 ? new Float32Array(0) : decodeCodes(model, z);
  }

  /** A split of the current model's dataset, encoded on the current weights (also while training). */
  codes(split: DataSplit): ModelCodes {
    if (split !== 'train' && split !== 'val') throw new Error(`codes: unknown split "${String(split)}"`);
    const { model, meta } = this.require();
    const part = this.datasets.get(meta.config)[split];
    const { codes, logVar } = encodeWithLogVar(model, part.images, part.count);
    // Why a copy: the reply transfers its buffers, and the dataset keeps its factors for later.
    return { split, codes, factors: part.factors.slice(), logVar, count: part.count };
  }

  async loadDir(dir: string, source: 'bundled' | 'loaded', id?: string): Promise<ModelState> {
    this.refuseWhileTraining('load a model');
    const stored = await readModelDir(dir);
    return this.adopt(fromStored(stored, dir), source, id);
  }

  async saveDir(dir: string, label: { id?: string; name?: string } = {}): Promise<void> {
    const held = this.require();
    const meta = {
      ...held.meta,
      ...(label.id ? { id: label.id } : {}),
      ...(label.name ? { name: label.name } : {}),
    };
    await writeModelDir(dir, await toStored(held.model, meta));
  }

  async exportBundle(): Promise<Uint8Array> {
    const held = this.require();
    return packBundle(await toStored(held.model, held.meta));
  }

  importBundle(bytes: Uint8Array, source: HeldSource = 'loaded'): ModelState {
    this.refuseWhileTraining('import a model');
    return this.adopt(fromStored(unpackBundle(bytes), 'bundle'), source);
  }

  /** The held model (never the one in training) as bundle bytes, or null when there is none. */
  async snapshot(): Promise<ModelSnapshot | null> {
    const held = this.held;
    if (!held || held.source === 'training') return null;
    const bytes = packBundle(await toStored(held.model, held.meta));
    return { bytes, source: held.source, name: held.meta.name };
  }

  /** Makes a freshly loaded model current (disposing the old one); disposes it if that fails. */
  private adopt(
    loaded: { model: Autoencoder; meta: AtlasMeta },
    source: HeldSource,
    id?: string,
  ): ModelState {
    let held: Held;
    try {
      const meta = id ? { ...loaded.meta, id } : loaded.meta;
      const dataset = this.datasets.get(meta.config);
      const codes = encodeImages(loaded.model, dataset.val.images, dataset.val.count);
      held = {
        model: loaded.model,
        meta,
        source,
        points: { codes, factors: dataset.val.factors, count: dataset.val.count },
      };
    } catch (err) {
      disposeModel(loaded.model);
      throw err;
    }
    this.replaceHeld(held);
    return stateOf(held);
  }

  /** Runs the training loop and ends the run with one of the outcomes below. */
  private async execute(run: Run, config: TrainConfig, dataset: Dataset, runId: string): Promise<void> {
    let outcome: TrainOutcome;
    try {
      outcome = await runTraining({
        runId,
        config,
        dataset,
        model: run.held.model,
        control: run.control,
        injectNanAtStep: this.opts.injectNanAtStep,
        beforeStep: this.opts.beforeStep,
        onProgress: (p) => this.emit('progress', p),
        onEpoch: (e) => this.recordEpoch(run.held, e),
      });
    } catch (err) {
      this.run = null;
      // Why the epoch count decides: the loop restored the last good weights, which are a usable
      // model once an epoch has ended (they have metrics and codes); before that they are noise.
      if (err instanceof TrainingDivergedError && run.held.meta.epochsTrained > 0)
        this.keepLastGood(run.held, { config, dataset }, err, runId);
      else this.fail(run.held, err, runId);
      return;
    }
    this.finish(run, config, outcome, runId);
  }

  /** An epoch ended: its metrics and codes describe the model in training. */
  private recordEpoch(held: Held, e: TrainEpoch): void {
    held.points.codes = e.codes;
    held.meta = {
      ...held.meta,
      metrics: e.metrics,
      latentBounds: e.metrics.latentBounds,
      epochsTrained: e.epoch,
    };
    this.announce();
    this.emit('epoch', { ...e, codes: e.codes.slice() });
  }

  /** The run finished or was stopped: its model becomes the current one. */
  private finish(run: Run, config: TrainConfig, outcome: TrainOutcome, runId: string): void {
    const { held } = run;
    held.points.codes = outcome.valCodes;
    held.meta = {
      ...held.meta,
      name: trainedName(config),
      createdAt: new Date().toISOString(),
      metrics: outcome.metrics,
      latentBounds: outcome.metrics.latentBounds,
      epochsTrained: outcome.epochsTrained,
    };
    held.source = 'trained';
    this.run = null;
    this.replaceHeld(held);
    const model = stateOf(held);
    this.emit('finished', { runId, stopped: outcome.stopped, model, trainSeconds: outcome.trainSeconds });
  }

  /**
   * The run diverged after one or more epochs: the last good weights (the loop restored them) become
   * the current model. Why evaluate again: they are the weights before the last finite update, not
   * those of the last epoch's end, so that epoch's codes and metrics would not describe them.
   */
  private keepLastGood(
    held: Held,
    { config, dataset }: { config: TrainConfig; dataset: Dataset },
    err: TrainingDivergedError,
    runId: string,
  ): void {
    const { metrics, valCodes } = evaluate(held.model, dataset, config);
    held.points.codes = valCodes;
    held.source = 'trained';
    held.meta = { ...held.meta, name: trainedName(config), metrics, latentBounds: metrics.latentBounds };
    this.replaceHeld(held);
    const message = `${err.reason}; the last good weights (${held.meta.epochsTrained} epochs) are now the current model. Try a lower learning rate.`;
    this.emit('failed', { runId, message });
  }

  /** The run diverged before its first epoch ended, or failed otherwise: the previous model stays. */
  private fail(held: Held, err: unknown, runId: string): void {
    disposeModel(held.model);
    this.announce();
    const message =
      err instanceof TrainingDivergedError
        ? `${err.reason}, before the first epoch ended; the previous model was kept. Try a lower learning rate.`
        : `Training failed: ${errorMessage(err)}`;
    this.emit('failed', { runId, message });
  }

  private replaceHeld(held: Held): void {
    const old = this.held;
    this.held = held;
    if (old && old.model !== held.model) disposeModel(old.model);
    this.announce();
  }

  /** Tells the client what the current model now is (before the reply or event that follows). */
  private announce(): void {
    const held = this.run?.held ?? this.held;
    this.emit('model', held ? summaryOf(held) : null);
  }

  private require(): Held {
    const held = this.run?.held ?? this.held;
    if (!held) throw new Error('No model is loaded yet: train one or load one first.');
    return held;
  }

  private refuseWhileTraining(what: string): void {
    if (this.run) throw new Error(`Cannot ${what} while training runs; stop the run first.`);
  }
}
