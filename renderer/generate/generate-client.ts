import { errorMessage } from '../../shared/errors';
import { runCompute, type Compute, type ComputeKind, type ComputeOps } from './generate-compute';
import type { ComputeReply, ComputeRequest } from './generate-worker';

/** A Compute backed by the generate worker, with a way to stop it. */
export interface GenerateClient {
  compute: Compute;
  /** Stops the worker; pending results are dropped. */
  dispose(): void;
}

interface Pending {
  kind: ComputeKind;
  input: unknown;
  resolve(output: unknown): void;
  reject(error: Error): void;
}

/**
 * Starts the generate worker. If it cannot start or fails to load (no Worker, a CSP that refuses
 * it), every request, those in flight included, runs on the main thread instead: slower, but the
 * panel still works.
 */
export function createGenerateClient(): GenerateClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: Worker | null = startWorker();

  function startWorker(): Worker | null {
    try {
      const w = new Worker(new URL('./generate-worker.ts', import.meta.url), {
        type: 'module',
        name: 'generate',
      });
      w.onmessage = ({ data: reply }: MessageEvent<ComputeReply>) => {
        const p = pending.get(reply.id);
        pending.delete(reply.id);
        if (!p) return;
        if ('error' in reply) p.reject(new Error(reply.error));
        else p.resolve(reply.output);
      };
      w.onerror = (event) => {
        event.preventDefault();
        w.terminate();
        worker = null;
        const stranded = [...pending.values()];
        pending.clear();
        for (const p of stranded) inlineCompute(p.kind, p.input as never).then(p.resolve, p.reject);
      };
      return w;
    } catch {
      return null;
    }
  }

  const compute: Compute = <K extends ComputeKind>(kind: K, input: ComputeOps[K][0]) => {
    if (!worker) return inlineCompute(kind, input);
    const id = nextId++;
    return new Promise<ComputeOps[K][1]>((resolve, reject) => {
      pending.set(id, { kind, input, resolve: resolve as (output: unknown) => void, reject });
      const request: ComputeRequest = { id, kind, input };
      worker?.postMessage(request);
    });
  };

  return {
    compute,
    dispose() {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}

/**
 * On the main thread, after yielding once so the caller's frame finishes first. Also the Compute
 * of tests.
 */
export const inlineCompute: Compute = (kind, input) =>
  new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(runCompute(kind, input));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(errorMessage(error)));
      }
    }, 0),
  );
