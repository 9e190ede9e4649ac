import { useEffect, useRef, useState } from 'react';
import type { AtlasApi, ModelCodes, ModelState } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { t } from '../i18n/current';
import { createLatestQueue, type LatestQueue } from '../lib/latest-queue';
import type { Compute } from './generate-compute';

/** The current model's codes on both splits, and the residual under which a sample is plausible. */
export interface ModelCodesState {
  train: ModelCodes | null;
  val: ModelCodes | null;
  /** 95th percentile of the validation reconstruction NMSE; null until computed. */
  threshold: number | null;
  error: string | null;
}

const EMPTY: ModelCodesState = { train: null, val: null, threshold: null, error: null };

async function fetchCodes(
  api: AtlasApi,
  compute: Compute,
  model: ModelState,
  onCodes: (s: ModelCodesState) => void,
) {
  const [train, val] = await Promise.all([
    api.invoke('model:codes', { split: 'train' }),
    api.invoke('model:codes', { split: 'val' }),
  ]);
  onCodes({ train, val, threshold: null, error: null });
  // The model's own reconstruction error sets the bar a sample must clear to count as plausible:
  // the engine measures it on the first THRESHOLD_CODES validation images, where they are.
  if (!val.reconMse || val.reconMse.length === 0) throw new Error(t('generate.error.noReconErrors'));
  const threshold = await compute('threshold', { imageSize: model.imageSize, reconMse: val.reconMse });
  return { train, val, threshold, error: null };
}

/**
 * Follows the model: on each change (`modelVersion`) fetches 'model:codes' for both splits, then
 * the plausibility threshold. One fetch at a time; the newest model wins; the previous codes stay
 * until the new ones arrive.
 */
export function useModelCodes(
  api: AtlasApi,
  compute: Compute,
  model: ModelState | null,
  modelVersion: number,
): ModelCodesState {
  const [state, setState] = useState<ModelCodesState>(EMPTY);
  const queue = useRef<LatestQueue<ModelState> | null>(null);

  useEffect(() => {
    const q = createLatestQueue((m: ModelState) => fetchCodes(api, compute, m, setState), {
      onResult: setState,
      onError: (e) =>
        setState((s) => ({ ...s, error: t('generate.error.codes', { message: errorMessage(e) }) })),
    });
    queue.current = q;
    return () => q.dispose();
  }, [api, compute]);

  // Why keep the old codes until the new ones come: during training the model changes every epoch,
  // and the panel should not blink empty each time.
  useEffect(() => {
    if (model) queue.current?.push(model);
    else setState(EMPTY);
  }, [model, modelVersion]);

  return state;
}
