import type {
  CompareProbeRequest,
  CompareProbeSlot,
  CompareSlot,
  LadderConfig,
  TimelineInfo,
  DataSplit,
  ModelCodes,
  ModelInfo,
  ModelState,
  TrainEpoch,
  TrainFailed,
  TrainFinished,
  TrainProgress,
} from '../../shared/api';
import type { ImageSize, TrainConfig } from '../../shared/train-config';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { workerPath as defaultWorkerPath } from '../node/paths';
import { EngineClient } from './engine-client';
import { WorkerDiedError } from './worker-connection';
import type { SlotFrom, WorkerOptions } from './worker-protocol';
import type { LadderEvents } from './ladder';

/** Events the engine emits while training (a model, or the β ladder). */
export interface EngineEvents extends LadderEvents {
  progress: TrainProgress;
  epoch: TrainEpoch;
  finished: TrainFinished;
  failed: TrainFailed;
}

/**
 * What describes the current model without its points: enough to check a payload's size and to
 * label a file, e.g. `{ info: { id: 'bundled-aligned', source: 'bundled', … }, imageSize: 32 }`.
 */
export interface ModelSummary {
  info: ModelInfo;
  imageSize: ImageSize;
}

/**
 * The engine as the service sees it: a client of the worker thread that owns the weights.
 * Every method returns quickly; the work happens in the worker. Encode/decode work while a
 * training run is in progress (on the current weights). Methods reject with an `Error` whose
 * message is meant for the user. If the worker dies, calls in flight reject, a run in progress
 * ends with 'failed', and a new worker starts with the model held before (see engine-client.ts).
 */
export interface Engine {
  /** tfjs backend in use in the worker, e.g. "wasm" (or "cpu" after a fallback). */
  readonly backend: string;
  /** The model the engine holds (during training: the model being trained), or null. */
  current(): Promise<ModelState | null>;
  /**
   * The current model's info and image size as the client last heard them from the worker (kept
   * true on every load, import, run start, epoch, finish, failure and restart), or null when there
   * is no model. No message to the worker: what a decode needs without waiting for a training step.
   * Waits only while a crashed worker restarts.
   */
  currentSummary(): Promise<ModelSummary | null>;
  /** Starts training a new model; rejects if a run is already in progress. */
  train(config: TrainConfig): Promise<{ runId: string }>;
  /** Pauses the run: also one still starting (from the moment `train` is called); it then starts paused. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /**
   * Stops the run after the current step, also one still starting (from the moment `train` is
   * called). The weights trained so far become the current model once an epoch has ended; before
   * that the previous model stays ('finished' with `keptPrevious`, or 'failed' when there is none).
   */
  stop(): Promise<void>;
  isTraining(): boolean;
  /**
   * Encodes `count` images (row-major, imageSize² each) → interleaved codes, length 2·count. The
   * images' buffer may be transferred to the engine's thread: do not use `images` afterwards.
   */
  encode(images: Float32Array, count: number): Promise<Float32Array>;
  /** Decodes interleaved codes (length 2·n) → n images, imageSize² each. */
  decode(z: Float32Array): Promise<Float32Array>;
  /**
   * A split of the current model's own dataset (the one its config generates) encoded on the
   * current weights, with the true factors and, for a VAE, the log-variances. 'train' is what a
   * p_model is fitted to; 'val' is held out.
   */
  codes(split: DataSplit): Promise<ModelCodes>;
  /** Loads a model directory (model.json + weights + atlas-meta.json); keeps the current one on error. */
  loadModelDir(dir: string, source: 'bundled' | 'loaded', id?: string): Promise<ModelState>;
  /**
   * Saves the current model to a directory, atomically. `label` renames the saved copy (id and/or
   * display name, e.g. for bundled models made with the headless trainer); the held model keeps its own.
   */
  saveModelDir(dir: string, label?: { id?: string; name?: string }): Promise<void>;
  /** The current model as one bundle file's bytes (`.atlas.json`). */
  /** The current model as bundle bytes; `withTimeline` adds its training timeline. */
  exportBundle(opts?: { withTimeline?: boolean }): Promise<Uint8Array>;
  /**
   * Loads a model from bundle bytes; keeps the current one on error. `source` says where it came
   * from (default "loaded"); a model kept for switching back keeps its own ("trained").
   */
  importBundle(bytes: Uint8Array, source?: 'trained' | 'loaded'): Promise<ModelState>;
  /** The current model's training timeline (timeline.ts), or null. */
  timelineInfo(): Promise<TimelineInfo | null>;
  /** Shows the current model at the end of an epoch of its run (null: its final weights). */
  viewEpoch(epoch: number | null): Promise<ModelState>;
  /** The map points' codes at the end of a kept epoch of the current model's run. */
  timelineCodes(epoch: number): Promise<{ epoch: number; codes: Float32Array }>;
  /** Turns the current model's latent to `angle` radians (an autoencoder's: rotate-latent.ts). */
  rotate(angle: number): Promise<ModelState>;
  /** Puts a model in a Compare slot (compare-slots.ts); the current model does not change. */
  compareFill(slot: number, from: SlotFrom): Promise<CompareSlot>;
  compareClear(slot: number): Promise<void>;
  /** The linked cursor through every filled Compare slot. */
  compareProbe(req: CompareProbeRequest): Promise<CompareProbeSlot[]>;
  /** Starts the β ladder (ladder.ts); rejects while a model trains or a ladder runs. */
  startLadder(ladder: LadderConfig): Promise<{ runId: string }>;
  /** Cancels the ladder after its current step (harmless when none runs). */
  stopLadder(): Promise<void>;
  isLaddering(): boolean;
  on<E extends keyof EngineEvents>(event: E, listener: (payload: EngineEvents[E]) => void): () => void;
  /** Terminates the worker. */
  dispose(): Promise<void>;
}

/** The engine created by `createEngine`, with its extra diagnostics. */
export type EngineWithDiagnostics = Engine & { numTensors(): Promise<number> };

/** Options of `createEngine`. */
export interface EngineOptions {
  /** Path of the bundled worker; default: main/node/paths.ts `workerPath()`. */
  workerPath?: string;
  /** Test hook: the worker's training loop poisons this global step with NaN. */
  injectNanAtStep?: number;
  /** Test hook: the first worker dies at this global training step (later ones do not). */
  injectCrash?: WorkerOptions['injectCrash'];
  /** Decode and encode on a second worker holding a copy of the weights (default true; see engine-client.ts). */
  mirror?: boolean;
}

/**
 * Starts the worker thread and its backend and resolves, once it is ready, to an `Engine` whose
 * methods are messages to it (engine-client.ts).
 */
export async function createEngine(opts: EngineOptions = {}): Promise<EngineWithDiagnostics> {
  const workerPath = resolve(opts.workerPath ?? defaultWorkerPath());
  if (!existsSync(workerPath)) {
    throw new Error(
      `The engine worker is missing at ${workerPath}; run "node scripts/build.mjs --main-only" first.`,
    );
  }
  const client = new EngineClient(workerPath, { injectNanAtStep: opts.injectNanAtStep });
  try {
    await client.start(
      { injectNanAtStep: opts.injectNanAtStep, injectCrash: opts.injectCrash },
      opts.mirror ?? true,
    );
  } catch (err) {
    await client.dispose();
    if (err instanceof WorkerDiedError)
      throw new Error(`The engine could not start: ${err.reason}.`, { cause: err });
    throw err;
  }
  return client;
}
