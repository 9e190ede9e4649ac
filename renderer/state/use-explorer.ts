import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { AtlasApi, BundledModel, ModelState } from '../../shared/api';
import {
  explorerReducer,
  INITIAL_EXPLORER,
  type ExplorerAction,
  type ExplorerState,
} from './explorer-reducer';
import { errorMessage } from '../../shared/errors';

export interface Explorer {
  state: ExplorerState;
  dispatch: React.Dispatch<ExplorerAction>;
  bundled: BundledModel[];
  /** True until the first model:current answer. */
  loading: boolean;
  /** Why the first model could not be loaded, if it could not. */
  loadError: string | null;
  /** Switches to a bundled model; rejects with a user-facing message. */
  switchToBundled(id: string): Promise<void>;
  /** Switches back to one of the user's own models the service keeps (model:recent); rejects likewise. */
  switchToRecent(id: string): Promise<void>;
  /** Shows a model the engine now holds (after open/import). */
  showModel(model: ModelState): void;
  /** Asks the engine which model it holds now and shows it. */
  refreshModel(): Promise<void>;
}

/**
 * The explorer's state wired to the engine: loads the current and bundled models, follows
 * 'model:changed' (e.g. the File menu), moves the points each 'train:epoch', shows the trained
 * model on 'train:finished' and goes back to the engine's model on 'train:failed'.
 */
export function useExplorer(api: AtlasApi): Explorer {
  const [state, dispatch] = useReducer(explorerReducer, INITIAL_EXPLORER);
  const [bundled, setBundled] = useState<BundledModel[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const modelRef = useRef<ModelState | null>(null);
  useEffect(() => {
    modelRef.current = state.model;
  }, [state.model]);

  const showModel = useCallback((model: ModelState) => dispatch({ type: 'model-loaded', model }), []);
  const refreshModel = useCallback(async () => {
    const model = await api.invoke('model:current', undefined);
    if (model) showModel(model);
  }, [api, showModel]);

  useEffect(() => {
    let live = true;
    api.invoke('model:current', undefined).then(
      (model) => {
        if (!live) return;
        if (model) showModel(model);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setLoadError(errorMessage(e));
        setLoading(false);
      },
    );
    api.invoke('model:bundled', undefined).then(
      (list) => live && setBundled(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, showModel]);

  useEffect(() => {
    const offs = [
      api.on('model:changed', showModel),
      api.on('train:finished', (f) => showModel(f.model)),
      api.on('train:failed', () => void refreshModel().catch(() => undefined)),
      api.on('train:epoch', (e) => {
        const current = modelRef.current;
        const action = { type: 'epoch', epoch: e.epoch, codes: e.codes, metrics: e.metrics } as const;
        if (current?.info.source === 'training' && 2 * current.points.count === e.codes.length) {
          dispatch(action);
        } else {
          // The map still shows the previous model: fetch the one in training, then move its points.
          refreshModel().then(
            () => dispatch(action),
            () => undefined,
          );
        }
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [api, showModel, refreshModel]);

  const switchToBundled = useCallback(
    async (id: string) => showModel(await api.invoke('model:use-bundled', { id })),
    [api, showModel],
  );
  const switchToRecent = useCallback(
    async (id: string) => showModel(await api.invoke('model:use-recent', { id })),
    [api, showModel],
  );

  return {
    state,
    dispatch,
    bundled,
    loading,
    loadError,
    switchToBundled,
    switchToRecent,
    showModel,
    refreshModel,
  };
}
