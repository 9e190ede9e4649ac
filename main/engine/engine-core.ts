/**
 * What the worker thread owns: the current model, the training run (if any) and the datasets.
 * Independent of worker_threads (worker.ts only wires messages to it), so tests can drive it
 * in-process. Encode/decode use the weights being trained while a run is in progress; JavaScript
 * runs them between two training steps, since the loop yields after every step.
 */
import type { ImageSize, LatentPoints, ModelInfo, ModelState, TrainConfig } from '../../shared/api';
import { type Dataset, generateDataset } from '../../shared/dataset';
import { validateTrainConfig } from '../../shared/validate';
import { initBackend } from './backend';
import type { EngineEvents } from './engine';
import type { HeldSource, ModelSnapshot } from './worker-protocol';
import { type Autoencoder, buildAutoencoder, disposeModel, specOf } from './model';
import { fromStored, packBundle, readModelDir, toStored, unpackBundle, writeModelDir } from './model-store';
import { type AtlasMeta, META_FORMAT, META_VERSION } from './model-meta';
import { decodeCodes, encodeImages } from './evaluate';
import { TrainControl, TrainingDivergedError, runTraining } from './train-loop';

/** Sends an event to the client. */
export type Emit = <E extends keyof EngineEvents>(event: E, payload: EngineEvents[E]) => void;

/** A model with what describes it. */
interface Held {
  model: Autoencoder;
  meta: AtlasMeta;
  source: ModelInfo['source'];
  points: LatentPoints;
}

/** A run in progress. */
interface Run {
  held: Held;
  control: TrainControl;
}

/** How many generated datasets to keep (regenerating 4,000 images takes a fraction of a second). */
const DATASET_CACHE = 2;

/** Test hooks of the training loop (see TrainLoopOptions). */
export interface HostOptions {
  injectNanAtStep?: number;
  beforeStep?: (globalStep: number) => void;
}

/** The worker's state and operations. Every method throws an Error with a user-facing message. */
export class EngineCore {
  private held: Held | null = null;
  private run: Run | null = null;
  private readonly datasets = new Map<string, Dataset>();

  constructor(
    private readonly emit: Emit,
    private readonly opts: HostOptions = {},
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
    const dataset = this.dataset(config);
    const model = buildAutoencoder(specOf(config), config.seed);
    const meta = newMeta(runId, `Training ${config.kind.toUpperCase()} (λ = ${config.align})`, config);
    const held: Held = {
      model,
      meta,
      source: 'training',
      points: { codes: new Float32Array(0), factors: dataset.val.factors, count: dataset.val.count },
    };
    held.points.codes = encodeImages(model, dataset.val.images, dataset.val.count);
    const run: Run = { held, control: new TrainControl() };
    this.run = run;
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
    try {
      const meta = id ? { ...loaded.meta, id } : loaded.meta;
      const dataset = this.dataset(meta.config);
      const codes = encodeImages(loaded.model, dataset.val.images, dataset.val.count);
      const held: Held = {
        model: loaded.model,
        meta,
        source,
        points: { codes, factors: dataset.val.factors, count: dataset.val.count },
      };
      this.replaceHeld(held);
      return stateOf(held);
    } catch (err) {
      disposeModel(loaded.model);
      throw err;
    }
  }

  private async execute(run: Run, config: TrainConfig, dataset: Dataset, runId: string): Promise<void> {
    const { held } = run;
    try {
      const outcome = await runTraining({
        runId,
        config,
        dataset,
        model: held.model,
        control: run.control,
        injectNanAtStep: this.opts.injectNanAtStep,
        beforeStep: this.opts.beforeStep,
        onProgress: (p) => this.emit('progress', p),
        onEpoch: (e) => {
          held.points.codes = e.codes;
          held.meta = {
            ...held.meta,
            metrics: e.metrics,
            latentBounds: e.metrics.latentBounds,
            epochsTrained: e.epoch,
          };
          this.emit('epoch', { ...e, codes: e.codes.slice() });
        },
      });
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
      this.emit('finished', {
        runId,
        stopped: outcome.stopped,
        model: stateOf(held),
        trainSeconds: outcome.trainSeconds,
      });
    } catch (err) {
      this.run = null;
      if (err instanceof TrainingDivergedError && held.meta.epochsTrained > 0) {
        // The loop restored the last good weights; they are a usable model, so keep them.
        held.source = 'trained';
        held.meta = { ...held.meta, name: trainedName(config) };
        this.replaceHeld(held);
        const message = `${err.reason}; the last good weights (${held.meta.epochsTrained} epochs) are now the current model. Try a lower learning rate.`;
        this.emit('failed', { runId, message });
        return;
      }
      disposeModel(held.model);
      const message =
        err instanceof TrainingDivergedError
          ? `${err.reason}, before the first epoch ended; the previous model was kept. Try a lower learning rate.`
          : `Training failed: ${errorMessage(err)}`;
      this.emit('failed', { runId, message });
    }
  }

  private replaceHeld(held: Held): void {
    const old = this.held;
    this.held = held;
    if (old && old.model !== held.model) disposeModel(old.model);
  }

  private require(): Held {
    const held = this.run?.held ?? this.held;
    if (!held) throw new Error('No model is loaded yet: train one or load one first.');
    return held;
  }

  private refuseWhileTraining(what: string): void {
    if (this.run) throw new Error(`Cannot ${what} while training runs; stop the run first.`);
  }

  /** The dataset of a config, generated once and cached. */
  private dataset(config: TrainConfig): Dataset {
    const key = `${config.datasetSize}/${config.imageSize}/${config.seed}/${config.valFraction}`;
    let dataset = this.datasets.get(key);
    if (!dataset) {
      dataset = generateDataset({
        count: config.datasetSize,
        imageSize: config.imageSize,
        seed: config.seed,
        valFraction: config.valFraction,
      });
      this.datasets.set(key, dataset);
      while (this.datasets.size > DATASET_CACHE)
        this.datasets.delete(this.datasets.keys().next().value as string);
    }
    return dataset;
  }
}

function trainedName(config: TrainConfig): string {
  return `Trained ${config.kind.toUpperCase()} (λ = ${config.align})`;
}

function newMeta(id: string, name: string, config: TrainConfig): AtlasMeta {
  return {
    format: META_FORMAT,
    version: META_VERSION,
    id,
    name,
    createdAt: new Date().toISOString(),
    config,
    hidden: [...specOf(config).hidden],
    metrics: null,
    latentBounds: null,
    datasetSeed: config.seed,
    epochsTrained: 0,
  };
}

/** The contract's ModelState of a held model (arrays copied: the caller may transfer them). */
function stateOf(held: Held): ModelState {
  const { meta } = held;
  return {
    info: {
      id: meta.id,
      name: meta.name,
      source: held.source,
      config: meta.config,
      metrics: meta.metrics,
      createdAt: meta.createdAt,
      epochsTrained: meta.epochsTrained,
    },
    points: {
      codes: held.points.codes.slice(),
      factors: held.points.factors.slice(),
      count: held.points.count,
    },
    imageSize: meta.config.imageSize as ImageSize,
  };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
