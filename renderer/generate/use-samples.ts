import { useCallback, useEffect, useRef, useState } from 'react';
import type { AtlasApi } from '../../shared/api';
import type { FamilyId } from '../../shared/density/types';
import { errorMessage } from '../../shared/errors';
import type { ImageSize } from '../../shared/train-config';
import { t } from '../i18n/current';
import { createLatestQueue, type LatestQueue } from '../lib/latest-queue';
import type { Compute, DensitySpec, JudgeOutput } from './generate-compute';

/** What to draw: from which density, how many, how hot, with which seed. */
export interface DrawRequest {
  spec: DensitySpec;
  n: number;
  seed: number;
  temperature: number;
  /** θ as text, kept with the samples for the PNG and the panel. */
  theta: string;
}

/** Samples drawn and decoded, then judged against the true cylinders. */
export interface SampleSet {
  /** Interleaved codes, length 2·count. */
  z: Float32Array;
  images: Float32Array;
  imageSize: ImageSize;
  count: number;
  family: FamilyId;
  theta: string;
  seed: number;
  temperature: number;
  /** Null until judged (the threshold may still be on its way). */
  judged: JudgeOutput | null;
}

export interface SamplesState {
  samples: SampleSet | null;
  error: string | null;
  busy: boolean;
  draw(req: DrawRequest): void;
  clear(): void;
}

/**
 * Draws samples in `compute`, decodes them in one 'model:decode' batch, and judges them once the
 * plausibility threshold is known. One draw at a time; the newest request wins.
 */
export function useSamples(
  api: AtlasApi,
  compute: Compute,
  threshold: number | null,
  trainFactors: Float32Array | null,
): SamplesState {
  const [samples, setSamples] = useState<SampleSet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queue = useRef<LatestQueue<DrawRequest> | null>(null);

  useEffect(() => {
    const run = async (req: DrawRequest): Promise<SampleSet> => {
      setBusy(true); // each started draw; its result or error clears it
      const z = await compute('sample', {
        ...req.spec,
        n: req.n,
        seed: req.seed,
        temperature: req.temperature,
      });
      const decoded = await api.invoke('model:decode', { z });
      const { family } = req.spec;
      const { seed, temperature, theta } = req;
      return { z, ...decoded, family, theta, seed, temperature, judged: null };
    };
    const q = createLatestQueue(run, {
      onResult: (set) => {
        setSamples(set);
        setError(null);
        setBusy(false);
      },
      onError: (e) => {
        setError(t('generate.error.sample', { message: errorMessage(e) }));
        setBusy(false);
      },
    });
    queue.current = q;
    return () => q.dispose();
  }, [api, compute]);

  useEffect(() => {
    if (!samples || samples.judged || threshold === null || !trainFactors) return;
    let live = true;
    const { images, count, imageSize, seed } = samples;
    compute('judge', { imageSize, images, count, threshold, trainFactors, seed }).then(
      (judged) => {
        if (live) setSamples((s) => (s === samples ? { ...s, judged } : s));
      },
      (e: unknown) => {
        if (live) setError(t('generate.error.judge', { message: errorMessage(e) }));
      },
    );
    return () => {
      live = false;
    };
  }, [samples, threshold, trainFactors, compute]);

  const draw = useCallback((req: DrawRequest) => queue.current?.push(req), []);
  const clear = useCallback(() => {
    setSamples(null);
    setError(null);
  }, []);
  return { samples, error, busy, draw, clear };
}
