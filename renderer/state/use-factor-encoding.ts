import { useEffect, useMemo, useRef, type Dispatch } from 'react';
import type { AtlasApi, Factors } from '../../shared/api';
import type { ImageSize } from '../../shared/train-config';
import { renderCylinder } from '../../shared/cylinder';
import type { ExplorerAction } from './explorer-reducer';
import { createLatestQueue, type LatestQueue } from '../lib/latest-queue';

interface EncodeAsk {
  factors: Factors;
  image: Float32Array;
}

/**
 * The Height/Radius sliders' side of the explorer: renders the true cylinder for the slider
 * factors (the shared renderer), encodes it (latest wins) and moves z to its code. Re-encodes when
 * the weights change while the sliders lead, so the point tracks a model in training.
 *
 * @param active whether the sliders were touched since z last moved by other means
 * @param onError a stable callback (a new one restarts the queue, dropping an encode in flight)
 * @returns the true image of the slider factors, imageSize² pixels
 */
export function useFactorEncoding(
  api: AtlasApi,
  dispatch: Dispatch<ExplorerAction>,
  factors: Factors,
  imageSize: ImageSize,
  active: boolean,
  modelVersion: number,
  onError: (error: unknown) => void,
): Float32Array {
  const trueImage = useMemo(() => renderCylinder(factors, imageSize), [factors, imageSize]);
  const queue = useRef<LatestQueue<EncodeAsk> | null>(null);

  useEffect(() => {
    const q = createLatestQueue(
      ({ image }: EncodeAsk) => api.invoke('model:encode', { images: image, count: 1 }),
      {
        onResult: ({ codes }, ask) =>
          dispatch({ type: 'factors-encoded', factors: ask.factors, z: [codes[0] ?? NaN, codes[1] ?? NaN] }),
        onError,
      },
    );
    queue.current = q;
    return () => q.dispose();
  }, [api, dispatch, onError]);

  useEffect(() => {
    if (active && modelVersion > 0) queue.current?.push({ factors, image: trueImage });
  }, [active, factors, trueImage, modelVersion]);

  return trueImage;
}
