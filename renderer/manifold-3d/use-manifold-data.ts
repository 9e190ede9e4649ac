import { useEffect, useRef, useState } from 'react';
import type { AtlasApi, ModelState } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { createLatestQueue, type LatestQueue } from '../lib/latest-queue';
import { createManifoldAssembler } from './manifold-assembler';
import { fetchManifold, type ManifoldData } from './manifold-data';

/**
 * The projected manifold of the current model, refetched whenever `modelVersion` changes (each
 * epoch while training, on load and on switch). One computation at a time; if epochs arrive faster,
 * only the newest model waits, so the view keeps up without piling work. The projection runs in a
 * worker, and each fit starts from the previous components, which keeps the picture from flipping
 * between epochs.
 */
export function useManifoldData(
  api: AtlasApi,
  model: ModelState | null,
  modelVersion: number,
): { data: ManifoldData | null; error: string | null } {
  const [data, setData] = useState<ManifoldData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef<ManifoldData | null>(null);
  const queue = useRef<LatestQueue<ModelState> | null>(null);

  useEffect(() => {
    const assembler = createManifoldAssembler();
    const q = createLatestQueue(
      (m: ModelState) =>
        fetchManifold(api, m, latest.current?.pca ?? null, (input) => assembler.assemble(input)),
      {
        onResult: (result) => {
          latest.current = result;
          setData(result);
          setError(null);
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
    queue.current = q;
    return () => {
      q.dispose();
      assembler.dispose();
    };
  }, [api]);

  useEffect(() => {
    if (!model) {
      latest.current = null;
      setData(null);
      return;
    }
    queue.current?.push(model);
    // Weights change exactly when modelVersion bumps; `model` also changes then, and the queue
    // coalesces the two into one computation.
  }, [model, modelVersion]);

  return { data, error };
}
