import { errorMessage } from '../../shared/errors';
import { assembleManifold, type ManifoldData, type ManifoldInputs } from './manifold-data';
import type { AssembleReply, AssembleRequest } from './manifold-worker';

/** Runs assembleManifold in a worker when one can start, else on the main thread. */
export interface ManifoldAssembler {
  assemble(input: ManifoldInputs): Promise<ManifoldData>;
  /** Stops the worker; pending results are dropped. */
  dispose(): void;
}

interface Pending {
  input: ManifoldInputs;
  resolve(data: ManifoldData): void;
  reject(error: Error): void;
}

/**
 * Starts the projection worker. If it cannot start or fails to load (no Worker, a CSP or protocol
 * that refuses it), every request, including those in flight, runs on the main thread instead:
 * slower to interact with during training, but the panel still works.
 */
export function createManifoldAssembler(): ManifoldAssembler {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: Worker | null = startWorker();

  function startWorker(): Worker | null {
    try {
      const w = new Worker(new URL('./manifold-worker.ts', import.meta.url), {
        type: 'module',
        name: 'manifold-3d',
      });
      w.onmessage = ({ data: reply }: MessageEvent<AssembleReply>) => {
        const p = pending.get(reply.id);
        pending.delete(reply.id);
        if (!p) return;
        if ('error' in reply) p.reject(new Error(reply.error));
        else p.resolve(reply.data);
      };
      w.onerror = (event) => {
        event.preventDefault();
        w.terminate();
        worker = null;
        const stranded = [...pending.values()];
        pending.clear();
        for (const p of stranded) inline(p.input).then(p.resolve, p.reject);
      };
      return w;
    } catch {
      return null;
    }
  }

  return {
    assemble(input) {
      if (!worker) return inline(input);
      const id = nextId++;
      return new Promise<ManifoldData>((resolve, reject) => {
        pending.set(id, { input, resolve, reject });
        const request: AssembleRequest = { id, input };
        worker?.postMessage(request);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}

/** On the main thread, after yielding once so the caller's frame finishes first. */
function inline(input: ManifoldInputs): Promise<ManifoldData> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(assembleManifold(input));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(errorMessage(error)));
      }
    }, 0),
  );
}
