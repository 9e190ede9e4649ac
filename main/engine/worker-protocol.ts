/**
 * The typed message protocol between the engine client (engine-client.ts, in the owning process) and
 * the worker thread (worker.ts). Only plain data crosses: numbers, strings, plain objects and
 * typed arrays (large arrays are transferred, not copied).
 */
import type {
  CompareProbeRequest,
  CompareProbeSlot,
  CompareSlot,
  DataSplit,
  LadderConfig,
  ModelCodes,
  ModelInfo,
  ModelState,
  TimelineInfo,
} from '../../shared/api';
import type { TrainConfig } from '../../shared/train-config';
import type { EngineEvents, ModelSummary } from './engine';
import type { ModelWeights } from './weights-mirror';

/** Where a model the worker holds came from (a model in training is never held as such). */
export type HeldSource = Exclude<ModelInfo['source'], 'training'>;

/** The held model (not the one in training) as bundle bytes, to restore it in a new worker. */
export interface ModelSnapshot {
  /** `.atlas.json` bundle bytes (see model-store.ts). */
  bytes: Uint8Array;
  source: HeldSource;
  /** Display name, e.g. "Discovered alone (λ = 0)", for messages. */
  name: string;
}

/**
 * Where a Compare slot's model comes from, as the worker sees it: a model folder (bundled), bundle
 * bytes (a kept model or a file), a model of the last β ladder, or a copy of the current model.
 */
export type SlotFrom =
  | { dir: string; id?: string; source: ModelInfo['source'] }
  | { bytes: Uint8Array; source: ModelInfo['source'] }
  | { ladder: string }
  | { current: true };

/** Test hooks, passed to the worker as `workerData`. */
export interface WorkerOptions {
  /** The training loop poisons this global step (0-based) with NaN. */
  injectNanAtStep?: number;
  /**
   * The worker dies at this global training step (an uncaught exception or `process.exit`), or
   * (`onCall`, exit only) as it receives that call, so the call is surely pending at the death.
   */
  injectCrash?: { atStep: number; how: 'throw' | 'exit' } | { onCall: CallName; how: 'exit' };
  /**
   * 'engine' (the default): the training worker. 'mirror': a second worker that only holds a copy
   * of the current weights and answers init, decode, encode, memory and mirror (weights-mirror.ts).
   */
  role?: 'engine' | 'mirror';
  /** The engine publishes the current weights ('weights' events) for a mirror. */
  publishWeights?: boolean;
  /** The engine's thread runs at a lower OS priority than the UI's (thread-priority.ts). */
  lowPriority?: boolean;
  /** The engine client's InteractionClock buffer: the training loop rests while it is recent. */
  interactions?: SharedArrayBuffer;
}

/** Every call: name → [argument, result]. */
export interface WorkerCalls {
  /** Starts the backend; answers its name ("wasm" or "cpu"). */
  init: [void, { backend: string }];
  current: [void, ModelState | null];
  /** Answers once the run trains (its model announced), or once it ended stopped while preparing. */
  train: [{ config: TrainConfig; runId: string }, { runId: string }];
  /**
   * Pause, resume and stop name their run: one that reaches the worker before its 'train' call
   * (the client sends 'train' after a snapshot round trip) applies as that run starts.
   */
  pause: [{ runId: string }, void];
  resume: [{ runId: string }, void];
  stop: [{ runId: string }, void];
  encode: [{ images: Float32Array; count: number }, Float32Array];
  decode: [{ z: Float32Array }, Float32Array];
  /** A split of the current model's own dataset, encoded on the current weights. */
  codes: [{ split: DataSplit }, ModelCodes];
  loadDir: [{ dir: string; source: 'bundled' | 'loaded'; id?: string }, ModelState];
  saveDir: [{ dir: string; label?: { id?: string; name?: string } }, void];
  exportBundle: [{ withTimeline: boolean }, Uint8Array];
  /** `source` defaults to "loaded"; a restored snapshot keeps its own. */
  importBundle: [{ bytes: Uint8Array; source?: HeldSource }, ModelState];
  /** The held model as a snapshot, or null when there is none. */
  snapshot: [void, ModelSnapshot | null];
  /** Test/bench hook: tensors alive in the worker (`tf.memory().numTensors`). */
  memory: [void, { numTensors: number }];
  rotate: [{ angle: number }, ModelState];
  timelineInfo: [void, TimelineInfo | null];
  timelineView: [{ epoch: number | null }, ModelState];
  timelineCodes: [{ epoch: number }, { epoch: number; codes: Float32Array }];
  compareFill: [{ slot: number; from: SlotFrom }, CompareSlot];
  compareClear: [{ slot: number }, void];
  compareProbe: [CompareProbeRequest, CompareProbeSlot[]];
  ladderStart: [{ ladder: LadderConfig; runId: string }, { runId: string }];
  ladderStop: [{ runId: string }, void];
  /** Mirror only: the weights to decode and encode with from now on (null: no model). */
  mirror: [ModelWeights | null, void];
}

/** The name of a worker call, e.g. "decode". */
export type CallName = keyof WorkerCalls;

/** Client → worker. */
export interface CallMessage<K extends CallName = CallName> {
  kind: 'call';
  id: number;
  name: K;
  arg: WorkerCalls[K][0];
}

/** Worker → client: the answer to call `id`. */
export type ReplyMessage =
  | { kind: 'reply'; id: number; ok: true; result: unknown }
  | { kind: 'reply'; id: number; ok: false; message: string };

/**
 * Everything the worker announces: the engine's training events, plus `model`, sent whenever the
 * current model's summary changes (before the event or reply that follows from the change), so the
 * client knows it without asking.
 */
export interface WorkerEvents extends EngineEvents {
  model: ModelSummary | null;
  /** With `publishWeights`: the current model's weights, after `model` and during a run. */
  weights: ModelWeights | null;
}

/** Worker → client: an event. */
export interface EventMessage<E extends keyof WorkerEvents = keyof WorkerEvents> {
  kind: 'event';
  event: E;
  payload: WorkerEvents[E];
}

/** Anything the worker sends. */
export type WorkerMessage = ReplyMessage | EventMessage;
