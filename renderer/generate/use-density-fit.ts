import { useEffect, useRef, useState } from 'react';
import type { LatentBounds } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { t } from '../i18n/current';
import { createLatestQueue, type LatestQueue } from '../lib/latest-queue';
import type { Compute, ComputeOps, DensitySpec, FitOutput, LikelihoodRow } from './generate-compute';

/** A fit with the spec it was made from (so a refused change can fall back to it). */
export interface AppliedFit extends FitOutput {
  spec: DensitySpec;
  bounds: LatentBounds;
}

interface FitInput {
  spec: DensitySpec;
  bounds: LatentBounds;
}
type TableInput = ComputeOps['table'][0];

export interface DensityFitState {
  fit: AppliedFit | null;
  table: LikelihoodRow[] | null;
  /** Why the last fit was refused (the previous fit stays). */
  error: string | null;
  busy: boolean;
}

/**
 * Fits `spec` to its codes and computes the likelihood table, in `compute` (the worker), one
 * request of each at a time with the newest winning. A failed fit keeps the previous one and
 * reports why in `error`; the caller may then go back to `fit.spec`, which is not fitted again.
 */
export function useDensityFit(
  compute: Compute,
  spec: DensitySpec | null,
  val: Float32Array | null,
  bounds: LatentBounds | null,
): DensityFitState {
  const [fit, setFit] = useState<AppliedFit | null>(null);
  const [table, setTable] = useState<LikelihoodRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fitRef = useRef<AppliedFit | null>(null);
  const fitQueue = useRef<LatestQueue<FitInput> | null>(null);
  const tableQueue = useRef<LatestQueue<TableInput> | null>(null);

  useEffect(() => {
    // Why a fixed seed for the HDR levels: the contours must not shimmer between identical fits.
    const run = ({ spec, bounds }: FitInput) => {
      setBusy(true); // each started fit; its result or error clears it
      return compute('fit', { ...spec, bounds, seed: 1 });
    };
    const fq = createLatestQueue(run, {
      onResult: (out, input) => {
        fitRef.current = { ...out, ...input };
        setFit(fitRef.current);
        setError(null);
        setBusy(false);
      },
      onError: (e) => {
        setError(errorMessage(e));
        setBusy(false);
      },
    });
    const tq = createLatestQueue((input: TableInput) => compute('table', input), {
      onResult: (rows) => setTable(rows),
      onError: (e) => setError(t('generate.error.table', { message: errorMessage(e) })),
    });
    fitQueue.current = fq;
    tableQueue.current = tq;
    return () => {
      fq.dispose();
      tq.dispose();
    };
  }, [compute]);

  // No codes (no model): nothing to show. New codes keep the old fit until the new one arrives.
  const train = spec?.train ?? null;
  useEffect(() => {
    if (train) return;
    fitRef.current = null;
    setFit(null);
    setTable(null);
    setError(null);
  }, [train]);

  useEffect(() => {
    if (!spec || !bounds) return;
    const last = fitRef.current;
    if (last && sameSpec(last.spec, spec) && last.bounds === bounds) return; // fitted already (a fallback)
    setError(null);
    fitQueue.current?.push({ spec, bounds });
  }, [spec, bounds]);

  const settings = spec?.settings;
  const isVae = spec?.isVae;
  useEffect(() => {
    if (!train || !val || !settings || isVae === undefined) return;
    tableQueue.current?.push({ settings, isVae, train, val });
  }, [train, val, settings, isVae]);

  return { fit, table, error, busy };
}

/** Whether two specs name the same density (the codes by identity: a new model is new codes). */
export function sameSpec(a: DensitySpec, b: DensitySpec): boolean {
  const boxKey = (s: DensitySpec) => (s.box ? [...s.box.min, ...s.box.max].join() : '');
  return (
    a.family === b.family &&
    a.train === b.train &&
    a.isVae === b.isVae &&
    a.settings.k === b.settings.k &&
    a.settings.bandwidthFactor === b.settings.bandwidthFactor &&
    a.settings.seed === b.settings.seed &&
    boxKey(a) === boxKey(b)
  );
}
