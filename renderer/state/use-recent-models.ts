import { useEffect, useState } from 'react';
import type { AtlasApi, ModelInfo, RecentModel } from '../../shared/api';

/**
 * The user's own models the service keeps this session (model:recent), asked again whenever the
 * current model changes: the service keeps a model as something else replaces it.
 *
 * @param current the model on screen (its id and source say when it changed)
 */
export function useRecentModels(
  api: AtlasApi,
  current: Pick<ModelInfo, 'id' | 'source'> | null,
): RecentModel[] {
  const [recent, setRecent] = useState<RecentModel[]>([]);
  const key = current ? `${current.source}:${current.id}` : '';
  useEffect(() => {
    let live = true;
    api.invoke('model:recent', undefined).then(
      (list) => live && setRecent(list),
      // The list is a convenience: without it the switch still offers the current model.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, key]);
  return recent;
}
