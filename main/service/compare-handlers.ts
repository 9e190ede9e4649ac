// The Compare view and the β ladder (issue 12): filling slots from any model the user can name,
// the linked cursor, and the ladder's start and cancel. The engine holds the slots' models.
import { join } from 'node:path';
import { API_LIMITS, type CompareSource } from '../../shared/api';
import { ApiRequestError } from '../../shared/validate';
import type { SlotFrom } from '../engine/worker-protocol';
import { readBundledIndex } from './bundled-models';
import type { HandlerContext, HandlerGroup } from './service';

/** 'compare:*' and 'ladder:*'. */
export function compareHandlers({ options, ready, recent, refuseWhileTraining }: HandlerContext) {
  const { engine } = options;
  /** What the engine loads for a source; ApiRequestError when the source names nothing known. */
  const slotFrom = async (source: CompareSource): Promise<SlotFrom> => {
    switch (source.kind) {
      case 'bundled': {
        const dir = options.bundledModelsDir;
        const known = dir && (await readBundledIndex(dir)).some((m) => m.id === source.id);
        if (!known) throw new ApiRequestError('invalid-argument', `No bundled model "${source.id}".`);
        return { dir: join(dir, source.id), id: source.id, source: 'bundled' };
      }
      case 'recent': {
        const kept = recent.get(source.id);
        if (!kept) {
          const why = `That model is no longer kept (Recent holds the last ${API_LIMITS.maxRecentModels} of this session).`;
          throw new ApiRequestError('invalid-argument', why);
        }
        return { bytes: kept.bytes, source: kept.info.source };
      }
      case 'current':
        refuseWhileTraining('comparing the model in training');
        await ready;
        return { current: true };
      case 'ladder':
        return { ladder: source.id };
      case 'file':
        return { bytes: source.bytes, source: 'loaded' };
    }
  };
  return {
    'compare:fill': async ({ slot, source }) => {
      const from = await slotFrom(source);
      try {
        return await engine.compareFill(slot, from);
      } catch (err) {
        // The engine's reason (a corrupt file, a missing model) is for the user; say which slot.
        const why = err instanceof Error ? err.message : String(err);
        throw new ApiRequestError('failed', `Slot ${slot + 1}: ${why}`);
      }
    },
    'compare:clear': ({ slot }) => engine.compareClear(slot),
    'compare:probe': (req) => engine.compareProbe(req),
    'ladder:start': async ({ ladder }) => {
      refuseWhileTraining('starting the β ladder');
      if (engine.isLaddering()) throw new ApiRequestError('busy', 'The β ladder is already training.');
      return engine.startLadder(ladder);
    },
    'ladder:stop': async () => {
      if (engine.isLaddering()) await engine.stopLadder();
    },
  } satisfies HandlerGroup<
    'compare:fill' | 'compare:clear' | 'compare:probe' | 'ladder:start' | 'ladder:stop'
  >;
}
