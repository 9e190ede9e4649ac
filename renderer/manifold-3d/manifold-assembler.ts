import { createWorkerCalls } from '../lib/worker-calls';
import { assembleManifold, type ManifoldData, type ManifoldInputs } from './manifold-data';
import type { AssembleReply, AssembleRequest } from './manifold-worker';
import { spansWholeBuffer } from '../../shared/buffers';

/** Runs assembleManifold in a worker when one can start, else on the main thread. */
export interface ManifoldAssembler {
  assemble(input: ManifoldInputs): Promise<ManifoldData>;
  /** Stops the worker; pending results are dropped. */
  dispose(): void;
}

/** The buffers of `arrays` that each array spans whole (safe to hand over), without duplicates. */
function wholeBuffers(arrays: Float32Array[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) {
    if (spansWholeBuffer(a) && a.byteLength > 0) out.add(a.buffer);
  }
  return [...out];
}

/**
 * Starts the projection worker; where it cannot run, projections run on the main thread (slower
 * to interact with during training, but the panel still works).
 */
export function createManifoldAssembler(): ManifoldAssembler {
  const calls = createWorkerCalls<ManifoldInputs, ManifoldData>({
    start: () =>
      new Worker(new URL('./manifold-worker.ts', import.meta.url), { type: 'module', name: 'manifold-3d' }),
    request: (id, input): AssembleRequest => ({ id, input }),
    reply: (r: AssembleReply) => ('error' in r ? r : { id: r.id, value: r.data }),
    inline: assembleManifold,
    // The decoded images (megabytes each refresh) are fresh from the engine and used only here:
    // moved, not copied on the page's thread.
    transfer: (input) => wholeBuffers([input.gridImages, input.reconImages]),
  });
  return { assemble: (input) => calls.call(input), dispose: () => calls.dispose() };
}
