import { useEffect, useMemo, useRef, useState } from 'react';
import type { AtlasApi, Factors, LatentPoints } from '../../shared/api';
import type { ImageSize } from '../../shared/train-config';
import { renderCylinder } from '../../shared/cylinder';
import { createLatestQueue, type LatestQueue } from '../lib/latest-queue';
import { nearestPoint } from '../lib/nearest-point';
import { screenToLatent, type ScreenPoint, type Viewport } from './viewport';

/** A hover picks the nearest encoded image within this many CSS pixels. */
const HOVER_REACH_PX = 16;

/** The encoded validation image under the pointer: its true picture and its reconstruction. */
export interface HoverSample {
  index: number;
  at: ScreenPoint;
  code: [number, number];
  factors: Factors;
  trueImage: Float32Array;
  /** Decoded at its code; null until the worker answers. */
  decoded: Float32Array | null;
  imageSize: ImageSize;
}

/** Finds the encoded image nearest the pointer and decodes its code (latest wins). */
export function useHoverSample(
  api: AtlasApi,
  points: LatentPoints | null,
  imageSize: ImageSize,
  vp: Viewport | null,
  at: ScreenPoint | null,
): HoverSample | null {
  const index = useMemo(() => {
    if (!points || !vp || !at) return -1;
    const p = screenToLatent(vp, at);
    return nearestPoint(points.codes, p.z1, p.z2, HOVER_REACH_PX / vp.scale);
  }, [points, vp, at]);
  const [decoded, setDecoded] = useState<{ key: string; image: Float32Array } | null>(null);
  const queue = useRef<LatestQueue<{ key: string; z: Float32Array }> | null>(null);

  useEffect(() => {
    const q = createLatestQueue(
      (ask: { key: string; z: Float32Array }) => api.invoke('model:decode', { z: ask.z }),
      {
        onResult: (r, ask) => setDecoded({ key: ask.key, image: r.images }),
        onError: () => undefined,
      },
    );
    queue.current = q;
    return () => q.dispose();
  }, [api]);

  const hit = useMemo(() => {
    if (!points || index < 0) return null;
    const code: [number, number] = [points.codes[2 * index]!, points.codes[2 * index + 1]!];
    const factors = { height: points.factors[2 * index]!, radius: points.factors[2 * index + 1]! };
    return {
      index,
      code,
      factors,
      trueImage: renderCylinder(factors, imageSize),
      key: `${index}:${code.join(',')}`,
    };
  }, [points, index, imageSize]);

  useEffect(() => {
    if (hit) queue.current?.push({ key: hit.key, z: Float32Array.from(hit.code) });
  }, [hit]);

  if (!hit || !at) return null;
  const { key, ...sample } = hit;
  return { ...sample, at, decoded: decoded?.key === key ? decoded.image : null, imageSize };
}
