import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AtlasApi, Factors } from '../../shared/api';
import { renderCylinder } from '../../shared/cylinder';
import { errorMessage } from '../../shared/errors';
import type { Judgement } from '../../shared/judge';
import type { ImageSize } from '../../shared/train-config';
import { type Interpolation, turnPoint, walkPoints, walkTimes } from '../../shared/walk';
import { createLatestQueue, type LatestQueue } from '../lib/latest-queue';
import { judgeFactors } from './walk-judge';
import { endsAfter, type EndsSet, nextEnd } from './walk-ends';

export interface WalkSettings {
  a: [number, number] | null;
  b: [number, number] | null;
  steps: number;
  kind: Interpolation;
  overshoot: number;
}

export const DEFAULT_WALK: WalkSettings = { a: null, b: null, steps: 9, kind: 'linear', overshoot: 0 };

/** A decoded walk: each step's t, z, image and judged cylinder. */
export interface WalkStrip {
  times: number[];
  z: Float32Array;
  images: Float32Array;
  imageSize: ImageSize;
  judged: Judgement[];
}

/**
 * The two-point walk: its settings, and the strip decoded for them (one decode request for every
 * step, at most one in flight: latest-queue.ts), each image judged against the true renderer.
 * Decodes again when the model changes (`modelVersion`).
 */
export function useWalk(api: AtlasApi, modelVersion: number) {
  const [settings, setSettings] = useState<WalkSettings>(DEFAULT_WALK);
  const [strip, setStrip] = useState<WalkStrip | null>(null);
  const [error, setError] = useState<string | null>(null);
  const queue = useRef<LatestQueue<{ z: Float32Array; times: number[] }> | null>(null);
  /** Which ends are set and which was set last, known at once (the state lags a render behind). */
  const ends = useRef<EndsSet>({ a: false, b: false, last: null });

  useEffect(() => {
    const q = createLatestQueue(
      async ({ z, times }: { z: Float32Array; times: number[] }) => {
        const decoded = await api.invoke('model:decode', { z: z.slice() });
        return { z, times, ...decoded };
      },
      {
        onResult: ({ z, times, images, count, imageSize }) => {
          setStrip({ times, z, images, imageSize, judged: judgeFactors(images, count, imageSize) });
          setError(null);
        },
        onError: (err) => setError(errorMessage(err)),
      },
    );
    queue.current = q;
    return () => q.dispose();
  }, [api]);

  useEffect(() => {
    const { a, b, steps, kind, overshoot } = settings;
    if (!a || !b) {
      setStrip(null);
      return;
    }
    try {
      const z = walkPoints(a, b, steps, kind, overshoot);
      queue.current?.push({ z, times: walkTimes(steps, overshoot) });
    } catch (err) {
      setStrip(null);
      setError(errorMessage(err));
    }
  }, [settings, modelVersion]);

  const update = useCallback((patch: Partial<WalkSettings>) => {
    ends.current = endsAfter(ends.current, patch);
    setSettings((s) => ({ ...s, ...patch }));
  }, []);
  /** Sets A or B to z by nextEnd's rule (walk-ends.ts): a Shift-click on the map. */
  const pickEnd = useCallback((z: [number, number]) => update({ [nextEnd(ends.current)]: z }), [update]);

  /** Sets an end to the code of a true cylinder: rendered here, encoded by the model. */
  const fromCylinder = useCallback(
    async (end: 'a' | 'b', factors: Factors, imageSize: ImageSize) => {
      try {
        const images = renderCylinder(factors, imageSize);
        const { codes } = await api.invoke('model:encode', { images, count: 1 });
        update({ [end]: [codes[0]!, codes[1]!] });
      } catch (err) {
        setError(errorMessage(err));
      }
    },
    [api, update],
  );
  /** Turns A and B with a turned latent (they keep their cylinders). */
  const turn = useCallback(
    (angle: number) =>
      setSettings((s) => ({ ...s, a: s.a && turnPoint(s.a, angle), b: s.b && turnPoint(s.b, angle) })),
    [],
  );
  return useMemo(
    () => ({ settings, strip, error, update, pickEnd, fromCylinder, turn }),
    [settings, strip, error, update, pickEnd, fromCylinder, turn],
  );
}
