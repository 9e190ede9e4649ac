// One Web Worker answering one message per call, with the main thread as fallback: if the worker
// cannot start or fails to load (no Worker, a CSP or protocol that refuses it), every call, those
// in flight included, runs on the main thread instead — slower, but the panel still works.
import { errorMessage } from '../../shared/errors';

/** Calls answered by a worker, or on the main thread once it cannot run. */
export interface WorkerCalls<In, Out> {
  call(input: In): Promise<Out>;
  /** Stops the worker; pending results are dropped. */
  dispose(): void;
}

/** How one kind of worker is started and spoken to. */
export interface WorkerCallsOptions<In, Out> {
  /** Starts the worker (may throw where workers are unavailable). */
  start(): Worker;
  /** The message that asks the worker for `input`, tagged with `id`. */
  request(id: number, input: In): unknown;
  /** The worker's answer to call `id`: its result, or the message of what it threw. */
  reply(message: never): { id: number; value: Out } | { id: number; error: string };
  /** The same work on the main thread. */
  inline(input: In): Out;
  /**
   * Buffers of `input` to hand over to the worker instead of copying (the caller must not use them
   * after). A call whose buffers went to a worker that then failed rejects: they are gone with it.
   */
  transfer?(input: In): Transferable[];
}

interface Pending<In, Out> {
  input: In;
  /** Its buffers went to the worker: it cannot run on the main thread instead. */
  transferred: boolean;
  resolve(value: Out): void;
  reject(error: Error): void;
}

/** Starts the worker at once; see the file header for the fallback. */
export function createWorkerCalls<In, Out>(opts: WorkerCallsOptions<In, Out>): WorkerCalls<In, Out> {
  const pending = new Map<number, Pending<In, Out>>();
  let nextId = 1;
  const onMain = (input: In) => inlineLater(() => opts.inline(input));
  let worker: Worker | null = startWorker();

  function startWorker(): Worker | null {
    try {
      const w = opts.start();
      w.onmessage = ({ data }: MessageEvent) => {
        const answer = opts.reply(data as never);
        const p = pending.get(answer.id);
        pending.delete(answer.id);
        if (!p) return;
        if ('error' in answer) p.reject(new Error(answer.error));
        else p.resolve(answer.value);
      };
      w.onerror = (event) => {
        event.preventDefault();
        w.terminate();
        worker = null;
        const stranded = [...pending.values()];
        pending.clear();
        for (const p of stranded) {
          if (p.transferred)
            p.reject(new Error('the worker failed with this request; it will be asked again'));
          else onMain(p.input).then(p.resolve, p.reject);
        }
      };
      return w;
    } catch {
      return null;
    }
  }

  return {
    call(input) {
      if (!worker) return onMain(input);
      const id = nextId++;
      const transfer = opts.transfer?.(input) ?? [];
      return new Promise<Out>((resolve, reject) => {
        pending.set(id, { input, resolve, reject, transferred: transfer.length > 0 });
        worker?.postMessage(opts.request(id, input), transfer);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}

/** Runs `work` on the main thread after yielding once, so the caller's frame finishes first. */
export function inlineLater<T>(work: () => T): Promise<T> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(errorMessage(error)));
      }
    }, 0),
  );
}
