import { useCallback, useEffect, useRef } from 'react';
import { createGenerateClient, inlineCompute, type GenerateClient } from './generate-client';
import type { Compute } from './generate-compute';

/**
 * The Compute the Generate tab uses: `given` (tests pass inlineCompute), else a generate worker
 * started on mount and stopped on unmount. Its identity never changes, so the queues built on it
 * live as long as the tab.
 */
export function useGenerateClient(given?: Compute): Compute {
  const client = useRef<GenerateClient | null>(null);
  useEffect(() => {
    if (given) return;
    const c = createGenerateClient();
    client.current = c;
    return () => {
      c.dispose();
      client.current = null;
    };
  }, [given]);
  const compute: Compute = useCallback(
    (kind, input) => (given ?? client.current?.compute ?? inlineCompute)(kind, input),
    [given],
  );
  return compute;
}
