import { useEffect, useRef, useState } from 'react';
import type { AtlasApi } from '../../shared/api';
import type { ImageSize } from '../../shared/train-config';
import { createLatestQueue, type LatestQueue } from '../lib/latest-queue';
import { errorMessage } from '../../shared/errors';

/** The decoded image f(z) on screen and the z it belongs to. */
export interface Decoded {
  image: Float32Array;
  imageSize: ImageSize;
  z: [number, number];
  /** Counts decodes shown so far (for tests and the UI benchmark). */
  frame: number;
}

/**
 * Decodes the current latent point through the worker, keeping up with drags: one request in
 * flight, the latest z wins (see latest-queue.ts). Re-decodes when the weights change.
 *
 * @param enabled false asks nothing (the image last decoded stays)
 */
export function useDecodedImage(
  api: AtlasApi,
  z: [number, number],
  modelVersion: number,
  enabled = true,
): { decoded: Decoded | null; error: string | null } {
  const [decoded, setDecoded] = useState<Decoded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const queue = useRef<LatestQueue<[number, number]> | null>(null);

  useEffect(() => {
    const q = createLatestQueue(
      (at: [number, number]) => api.invoke('model:decode', { z: Float32Array.from(at) }),
      {
        onResult: (r, at) => {
          setDecoded((prev) => ({
            image: r.images,
            imageSize: r.imageSize,
            z: at,
            frame: (prev?.frame ?? 0) + 1,
          }));
          setError(null);
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
    queue.current = q;
    return () => q.dispose();
  }, [api]);

  const [z1, z2] = z;
  useEffect(() => {
    if (enabled && modelVersion > 0) queue.current?.push([z1, z2]);
  }, [z1, z2, modelVersion, enabled]);

  return { decoded, error };
}
