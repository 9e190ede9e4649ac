import { createWorkerCalls } from '../lib/worker-calls';
import { createToyEngine, type ToyAction, type ToyEngine, type ToyView } from './toy-engine';
import type { ToyReply, ToyRequest } from './toy-worker';

/** Where the toy's actions are applied: the toy worker, or the main thread where it cannot run. */
export interface ToyClient {
  apply(action: ToyAction): Promise<ToyView>;
  /** Stops the worker; pending results are dropped. */
  dispose(): void;
}

/**
 * Starts the toy worker. If it cannot start or fails to load, actions are applied by a toy on the
 * main thread instead, by a toy that starts from the opening state.
 */
export function createToyClient(): ToyClient {
  let inline: ToyEngine | null = null;
  const calls = createWorkerCalls<ToyAction, ToyView>({
    start: () => new Worker(new URL('./toy-worker.ts', import.meta.url), { type: 'module', name: 'toy' }),
    request: (id, action): ToyRequest => ({ id, action }),
    reply: (r: ToyReply) => ('error' in r ? r : { id: r.id, value: r.view }),
    inline: (action) => (inline ??= createToyEngine()).apply(action),
  });
  return { apply: (action) => calls.call(action), dispose: () => calls.dispose() };
}

/** A client on the main thread, answering in a microtask: the toy of tests. */
export function createInlineToyClient(): ToyClient {
  const engine = createToyEngine();
  return {
    apply: (action) => {
      try {
        return Promise.resolve(engine.apply(action));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    dispose: () => {},
  };
}
