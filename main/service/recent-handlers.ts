// The user's own models of this session (recent-models.ts): the list, and switching back to one.
import { API_LIMITS } from '../../shared/api';
import { ApiRequestError } from '../../shared/validate';
import type { HandlerContext, HandlerGroup } from './service';

/** 'model:recent' and 'model:use-recent'. */
export function recentHandlers({ options, ready, recent, keepCurrent, refuseWhileTraining }: HandlerContext) {
  const { engine } = options;
  return {
    'model:recent': async () => recent.list(),
    'model:use-recent': async ({ id }) => {
      refuseWhileTraining('switching models');
      await ready;
      const kept = recent.get(id);
      if (!kept) {
        const why = `That model is no longer kept (Recent holds the last ${API_LIMITS.maxRecentModels} of this session).`;
        throw new ApiRequestError('invalid-argument', why);
      }
      await keepCurrent();
      const state = await engine.importBundle(kept.bytes, kept.info.source);
      recent.touch(id);
      return state;
    },
  } satisfies HandlerGroup<'model:recent' | 'model:use-recent'>;
}
