/**
 * The typed message protocol between the engine client (trainer.ts, in the owning process) and
 * the worker thread (worker.ts). Only plain data crosses: numbers, strings, plain objects and
 * typed arrays (large arrays are transferred, not copied).
 */
import type { ModelState, TrainConfig } from '../../shared/api';
import type { EngineEvents } from './engine';

/** Every call: name → [argument, result]. */
export interface WorkerCalls {
  /** Starts the backend; answers its name ("wasm" or "cpu"). */
  init: [void, { backend: string }];
  current: [void, ModelState | null];
  train: [{ config: TrainConfig; runId: string }, { runId: string }];
  pause: [void, void];
  resume: [void, void];
  stop: [void, void];
  encode: [{ images: Float32Array; count: number }, Float32Array];
  decode: [{ z: Float32Array }, Float32Array];
  loadDir: [{ dir: string; source: 'bundled' | 'loaded'; id?: string }, ModelState];
  saveDir: [{ dir: string; label?: { id?: string; name?: string } }, void];
  exportBundle: [void, Uint8Array];
  importBundle: [{ bytes: Uint8Array }, ModelState];
  /** Test/bench hook: tensors alive in the worker (`tf.memory().numTensors`). */
  memory: [void, { numTensors: number }];
}

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

/** Worker → client: a training event. */
export interface EventMessage<E extends keyof EngineEvents = keyof EngineEvents> {
  kind: 'event';
  event: E;
  payload: EngineEvents[E];
}

export type WorkerMessage = ReplyMessage | EventMessage;
