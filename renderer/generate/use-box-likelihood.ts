import { useMemo } from 'react';
import { boxDensity, countOutside, describeParams, meanLogLikelihood } from '../../shared/density';
import { boundsOfCodes } from '../../shared/latent-bounds';
import type { Box } from './generate-compute';

/** The box family's live θ and its log-likelihood on the training codes. */
export interface BoxLikelihood {
  box: Box;
  /** The maximum-likelihood box: the smallest box holding every training code. */
  mle: Box;
  theta: string;
  /** Mean log L(θ | X_train) per code, nats; −Infinity once any code is outside. */
  logLik: number;
  /** Training codes outside the box (each has likelihood 0). */
  outside: number;
}

/**
 * Recomputed on the main thread at each drag step: one pass of the box test over at most a few
 * thousand codes, far below a frame, so θ and log L follow the pointer without a worker round trip.
 */
export function useBoxLikelihood(
  train: Float32Array | null,
  box: Box | null,
  active: boolean,
): BoxLikelihood | null {
  const mle = useMemo<Box | null>(() => (train ? boundsOfCodes(train) : null), [train]);
  return useMemo(() => {
    if (!active || !train || !mle) return null;
    const b = box ?? mle;
    const d = boxDensity(b.min, b.max);
    return {
      box: b,
      mle,
      theta: describeParams(d.params),
      logLik: meanLogLikelihood(d, train),
      outside: countOutside(d, train),
    };
  }, [active, train, mle, box]);
}
