/**
 * One engine worker thread seen from the owning process: typed calls with their pending promises,
 * events passed on, and the thread's death noticed once (uncaught error, out of memory,
 * `process.exit`, or a crash during start-up), at which point every pending call is rejected.
 * engine-client.ts decides what to do about a death (start a new worker, restore the model).
 */
import { type ResourceLimits, Worker } from 'node:worker_threads';
import type {
  CallMessage,
  CallName,
  EventMessage,
  WorkerCalls,
  WorkerMessage,
  WorkerOptions,
} from './worker-protocol';

/** What a connection reports to its owner. */
export interface ConnectionHandlers {
  onEvent(message: EventMessage): void;
  /** Called once when the thread dies without `terminate()`; `reason` is short, e.g. "it exited with code 70". */
  onDeath(reason: string): void;
}

/** Rejects the calls still pending when the worker died. */
export class WorkerDiedError extends Error {
  constructor(readonly reason: string) {
    super(
      `The engine crashed (${reason}) before it answered; it is being restarted with the last model. Please try again.`,
    );
    this.name = 'WorkerDiedError';
  }
}

/** A worker thread running `workerPath`, and its calls in flight. */
export class WorkerConnection {
  private nextId = 1;
  private ended = false;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly worker: Worker;

  constructor(
    workerPath: string,
    options: WorkerOptions,
    private readonly handlers: ConnectionHandlers,
    /** Caps on the thread's JS heap (tests); none by default. */
    resourceLimits?: ResourceLimits,
  ) {
    this.worker = new Worker(workerPath, { workerData: options, resourceLimits });
    this.worker.on('message', (msg: WorkerMessage) => this.receive(msg));
    this.worker.on('error', (err: NodeJS.ErrnoException) =>
      this.die(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'it ran out of memory'
          : `it threw an uncaught error: ${err.message}`,
      ),
    );
    this.worker.on('messageerror', (err) => this.die(`a message could not be read: ${err.message}`));
    this.worker.on('exit', (code) => this.die(`it exited with code ${code}`));
  }

  /** True once the thread has died or been terminated. */
  get isDead(): boolean {
    return this.ended;
  }

  /** Sends a call; rejects with the worker's message, or with `WorkerDiedError` if it dies first. */
  call<K extends CallName>(
    name: K,
    arg: WorkerCalls[K][0],
    transfer: ArrayBuffer[] = [],
  ): Promise<WorkerCalls[K][1]> {
    if (this.ended) return Promise.reject(new WorkerDiedError('it had already stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ kind: 'call', id, name, arg } satisfies CallMessage<K>, transfer);
    });
  }

  /** Stops the thread on purpose (no `onDeath`); pending calls reject with `message`. */
  async terminate(message = 'The engine has been disposed.'): Promise<void> {
    if (!this.ended) {
      this.ended = true;
      this.rejectAll(new Error(message));
    }
    await this.worker.terminate();
  }

  private receive(msg: WorkerMessage): void {
    if (this.ended) return;
    if (msg.kind === 'event') return this.handlers.onEvent(msg);
    const waiter = this.pending.get(msg.id);
    if (!waiter) return;
    this.pending.delete(msg.id);
    if (msg.ok) waiter.resolve(msg.result);
    else waiter.reject(new Error(msg.message));
  }

  /** An error event is followed by an exit event: only the first one counts. */
  private die(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.rejectAll(new WorkerDiedError(reason));
    void this.worker.terminate();
    this.handlers.onDeath(reason);
  }

  private rejectAll(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
