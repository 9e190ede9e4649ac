import { useEffect, useMemo, useRef, type Dispatch } from 'react';
import type { AtlasApi, Factors } from '../../shared/api';
import type { ImageSize } from '../../shared/train-config';
import { renderCylinder } from '../../shared/cylinder';
import type { ExplorerAction } from './explorer-reducer';
import { createLatestQueue, type LatestQueue } from '../lib/latest-queue';

interface EncodeAsk {
  factors: Factors;
  image: Float32Array;
  /** The model version the image was drawn for. */
  modelVersion: number;
}

/**
 * How long a failed encoding waits before it is reported: if the model changes meanwhile, the
 * failure was the old model's (a run stopped and the previous model came back, at another image
 * size, while the encode was on its way) and the new model's encode answers instead.
 */
export const STALE_ERROR_GRACE_MS = 1000;

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
  const latestVersion = useRef(modelVersion);
  latestVersion.current = modelVersion;

  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const q = createLatestQueue(
      ({ image }: EncodeAsk) => api.invoke('model:encode', { images: image, count: 1 }),
      {
        onResult: ({ codes }, ask) =>
          dispatch({ type: 'factors-encoded', factors: ask.factors, z: [codes[0] ?? NaN, codes[1] ?? NaN] }),
        onError: (error, ask) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            if (latestVersion.current === ask.modelVersion) onError(error);
          }, STALE_ERROR_GRACE_MS);
          timers.add(timer);
        },
      },
    );
    queue.current = q;
    return () => {
      q.dispose();
      for (const timer of timers) clearTimeout(timer);
    };
  }, [api, dispatch, onError]);

  useEffect(() => {
    if (active && modelVersion > 0) queue.current?.push({ factors, image: trueImage, modelVersion });
  }, [active, factors, trueImage, modelVersion]);

  return trueImage;
}
