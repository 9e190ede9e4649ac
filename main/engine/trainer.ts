/**
 * The engine as the owning process sees it: `createEngine()` starts the worker thread
 * (dist/main/worker.cjs) and returns an `Engine` whose methods are messages to it. Nothing here
 * computes, so the owning process's event loop never blocks on training.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ModelState, TrainConfig } from '../../shared/api';
import type { Engine, EngineEvents } from './engine';
import type { CallName, CallMessage, WorkerCalls, WorkerMessage } from './protocol';

/** Options of `createEngine`. */
export interface EngineOptions {
  /** Path of the bundled worker; default `worker.cjs` beside this bundle, else dist/main/worker.cjs. */
  workerPath?: string;
  /** Test hook: the worker's training loop poisons this global step with NaN. */
  injectNanAtStep?: number;
}

/** The worker's default location. */
export function defaultWorkerPath(): string {
  const beside = typeof __dirname !== 'undefined' ? join(__dirname, 'worker.cjs') : '';
  return beside && existsSync(beside) ? beside : join(process.cwd(), 'dist/main/worker.cjs');
}

type Listener = (payload: never) => void;

/** Starts the worker and its backend; resolves once it is ready. */
export async function createEngine(opts: EngineOptions = {}): Promise<EngineWithDiagnostics> {
  const workerPath = resolve(opts.workerPath ?? defaultWorkerPath());
  if (!existsSync(workerPath)) {
    throw new Error(`The engine worker is missing at ${workerPath}; run "node scripts/build.mjs --main-only" first.`);
  }
  const worker = new Worker(workerPath, { workerData: { injectNanAtStep: opts.injectNanAtStep } });
  const client = new EngineClient(worker);
  const { backend } = await client.call('init', undefined);
  client.backend = backend;
  return client;
}

class EngineClient implements Engine {
  backend = 'unknown';
  private nextId = 1;
  private training = false;
  private disposed = false;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Map<keyof EngineEvents, Set<Listener>>();

  constructor(private readonly worker: Worker) {
    worker.on('message', (msg: WorkerMessage) => this.receive(msg));
    worker.on('error', (err) => this.crash(`The engine worker crashed: ${err.message}`));
    worker.on('exit', (code) => {
      if (!this.disposed) this.crash(`The engine worker stopped unexpectedly (exit code ${code}).`);
    });
  }

  call<K extends CallName>(name: K, arg: WorkerCalls[K][0], transfer: ArrayBuffer[] = []): Promise<WorkerCalls[K][1]> {
    if (this.disposed) return Promise.reject(new Error('The engine has been disposed.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ kind: 'call', id, name, arg } satisfies CallMessage<K>, transfer);
    });
  }

  current(): Promise<ModelState | null> {
    return this.call('current', undefined);
  }
  async train(config: TrainConfig): Promise<{ runId: string }> {
    if (this.training) throw new Error('A training run is already in progress; stop it first.');
    const runId = `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.training = true;
    try {
      return await this.call('train', { config, runId });
    } catch (err) {
      this.training = false;
      throw err;
    }
  }
  pause(): Promise<void> {
    return this.call('pause', undefined);
  }
  resume(): Promise<void> {
    return this.call('resume', undefined);
  }
  stop(): Promise<void> {
    return this.call('stop', undefined);
  }
  isTraining(): boolean {
    return this.training;
  }
  encode(images: Float32Array, count: number): Promise<Float32Array> {
    return this.call('encode', { images, count });
  }
  decode(z: Float32Array): Promise<Float32Array> {
    return this.call('decode', { z });
  }
  loadModelDir(dir: string, source: 'bundled' | 'loaded', id?: string): Promise<ModelState> {
    return this.call('loadDir', { dir, source, id });
  }
  saveModelDir(dir: string, label?: { id?: string; name?: string }): Promise<void> {
    return this.call('saveDir', { dir, label });
  }
  exportBundle(): Promise<Uint8Array> {
    return this.call('exportBundle', undefined);
  }
  importBundle(bytes: Uint8Array): Promise<ModelState> {
    return this.call('importBundle', { bytes });
  }
  /** Tensors alive in the worker (for leak checks and the benchmark). */
  numTensors(): Promise<number> {
    return this.call('memory', undefined).then((m) => m.numTensors);
  }

  on<E extends keyof EngineEvents>(event: E, listener: (payload: EngineEvents[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.training = false;
    this.rejectAll('The engine has been disposed.');
    await this.worker.terminate();
  }

  private receive(msg: WorkerMessage): void {
    if (msg.kind === 'reply') {
      const waiter = this.pending.get(msg.id);
      if (!waiter) return;
      this.pending.delete(msg.id);
      if (msg.ok) waiter.resolve(msg.result);
      else waiter.reject(new Error(msg.message));
      return;
    }
    if (msg.event === 'finished' || msg.event === 'failed') this.training = false;
    for (const listener of this.listeners.get(msg.event) ?? []) {
      try {
        (listener as (p: unknown) => void)(msg.payload);
      } catch (err) {
        console.error(`engine ${msg.event} listener threw:`, err);
      }
    }
  }

  private crash(message: string): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.training) {
      this.training = false;
      for (const listener of this.listeners.get('failed') ?? []) (listener as (p: unknown) => void)({ runId: '', message });
    }
    this.rejectAll(message);
  }

  private rejectAll(message: string): void {
    for (const waiter of this.pending.values()) waiter.reject(new Error(message));
    this.pending.clear();
  }
}

/** The engine created by `createEngine`, with its extra diagnostics. */
export type EngineWithDiagnostics = Engine & { numTensors(): Promise<number> };
