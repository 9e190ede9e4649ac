import type {
  ModelState,
  TrainConfig,
  TrainEpoch,
  TrainFailed,
  TrainFinished,
  TrainProgress,
} from '../../shared/api';

/** Events the engine emits while training. */
export interface EngineEvents {
  progress: TrainProgress;
  epoch: TrainEpoch;
  finished: TrainFinished;
  failed: TrainFailed;
}

/**
 * The engine as the service sees it: a client of the worker thread that owns the weights.
 * Every method returns quickly; the work happens in the worker. Encode/decode work while a
 * training run is in progress (on the current weights). Methods reject with an `Error` whose
 * message is meant for the user. If the worker dies, calls in flight reject, a run in progress
 * ends with 'failed', and a new worker starts with the model held before (see trainer.ts).
 */
export interface Engine {
  /** tfjs backend in use in the worker, e.g. "wasm" (or "cpu" after a fallback). */
  readonly backend: string;
  /** The model the engine holds (during training: the model being trained), or null. */
  current(): Promise<ModelState | null>;
  /** Starts training a new model; rejects if a run is already in progress. */
  train(config: TrainConfig): Promise<{ runId: string }>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Stops the run after the current step; the weights trained so far become the current model. */
  stop(): Promise<void>;
  isTraining(): boolean;
  /** Encodes `count` images (row-major, imageSize² each) → interleaved codes, length 2·count. */
  encode(images: Float32Array, count: number): Promise<Float32Array>;
  /** Decodes interleaved codes (length 2·n) → n images, imageSize² each. */
  decode(z: Float32Array): Promise<Float32Array>;
  /** Loads a model directory (model.json + weights + atlas-meta.json); keeps the current one on error. */
  loadModelDir(dir: string, source: 'bundled' | 'loaded', id?: string): Promise<ModelState>;
  /**
   * Saves the current model to a directory, atomically. `label` renames the saved copy (id and/or
   * display name, e.g. for bundled models made with the headless trainer); the held model keeps its own.
   */
  saveModelDir(dir: string, label?: { id?: string; name?: string }): Promise<void>;
  /** The current model as one bundle file's bytes (`.atlas.json`). */
  exportBundle(): Promise<Uint8Array>;
  /** Loads a model from bundle bytes; keeps the current one on error. */
  importBundle(bytes: Uint8Array): Promise<ModelState>;
  on<E extends keyof EngineEvents>(event: E, listener: (payload: EngineEvents[E]) => void): () => void;
  /** Terminates the worker. */
  dispose(): Promise<void>;
}
