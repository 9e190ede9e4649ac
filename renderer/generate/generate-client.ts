import { createWorkerCalls, inlineLater } from '../lib/worker-calls';
import { runCompute, type Compute, type ComputeKind, type ComputeOps } from './generate-compute';
import type { ComputeReply, ComputeRequest } from './generate-worker';

/** A Compute backed by the generate worker, with a way to stop it. */
export interface GenerateClient {
  compute: Compute;
  /** Stops the worker; pending results are dropped. */
  dispose(): void;
}

/**
 * Starts the generate worker. If it cannot start or fails to load (no Worker, a CSP that refuses
 * it), every request, those in flight included, runs on the main thread instead: slower, but the
 * panel still works.
 */
export function createGenerateClient(): GenerateClient {
  const calls = createWorkerCalls<{ kind: ComputeKind; input: unknown }, unknown>({
    start: () =>
      new Worker(new URL('./generate-worker.ts', import.meta.url), { type: 'module', name: 'generate' }),
    request: (id, { kind, input }): ComputeRequest => ({ id, kind, input }) as ComputeRequest,
    reply: (r: ComputeReply) => ('error' in r ? r : { id: r.id, value: r.output }),
    inline: ({ kind, input }) => runCompute(kind, input as never),
  });
  const compute: Compute = <K extends ComputeKind>(kind: K, input: ComputeOps[K][0]) =>
    calls.call({ kind, input }) as Promise<ComputeOps[K][1]>;
  return { compute, dispose: () => calls.dispose() };
}

/**
 * On the main thread, after yielding once so the caller's frame finishes first. Also the Compute
 * of tests.
 */
export const inlineCompute: Compute = (kind, input) => inlineLater(() => runCompute(kind, input));
