import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { AtlasApi } from '../../shared/api';
import type { TrainConfig } from '../../shared/train-config';
import { INITIAL_TRAINING, trainingReducer, type TrainingState } from './training-reducer';
import { errorMessage } from '../../shared/errors';
import { t } from '../i18n/current';

export interface Training {
  state: TrainingState;
  start(config: TrainConfig): Promise<void>;
  pause(): void;
  resume(): void;
  stop(): void;
  dismissError(): void;
}

/**
 * A training run driven from the UI: Train / Pause / Resume / Stop requests, and the contract's
 * train:* events folded into progress, loss curves and errors (training-reducer.ts).
 *
 * @param onStarted called once the engine accepted the run (e.g. to show the model in training)
 */
export function useTraining(api: AtlasApi, onStarted: () => void): Training {
  const [state, dispatch] = useReducer(trainingReducer, INITIAL_TRAINING);

  useEffect(() => {
    const offs = [
      api.on('train:progress', (progress) => dispatch({ type: 'progress', progress })),
      api.on('train:epoch', (epoch) => dispatch({ type: 'epoch', epoch })),
      api.on('train:finished', (finished) => dispatch({ type: 'finished', finished })),
      api.on('train:failed', (failed) => dispatch({ type: 'failed', failed })),
    ];
    return () => offs.forEach((off) => off());
  }, [api]);

  const start = useCallback(
    async (config: TrainConfig) => {
      dispatch({ type: 'start-requested', beta: config.kind === 'vae' ? config.beta : 0 });
      try {
        const { runId } = await api.invoke('train:start', { config });
        dispatch({ type: 'started', runId });
        onStarted();
      } catch (e) {
        dispatch({ type: 'start-refused', message: t('training.couldNotStart', { error: errorMessage(e) }) });
      }
    },
    [api, onStarted],
  );

  const control = useCallback(
    (name: 'train:pause' | 'train:resume' | 'train:stop', before: () => void) => {
      before();
      api.invoke(name, undefined).catch((e: unknown) => {
        dispatch({ type: 'request-failed', message: errorMessage(e) });
      });
    },
    [api],
  );

  return useMemo(
    () => ({
      state,
      start,
      pause: () => control('train:pause', () => dispatch({ type: 'paused' })),
      resume: () => control('train:resume', () => dispatch({ type: 'resumed' })),
      stop: () => control('train:stop', () => dispatch({ type: 'stop-requested' })),
      dismissError: () => dispatch({ type: 'dismiss-error' }),
    }),
    [state, start, control],
  );
}
