/**
 * The user's own models of this session (trained here or opened from a file), kept as bundle bytes
 * so that switching to a bundled model, opening another or training a new one loses none of them:
 * the engine holds one model at a time, and this list is what the model switch offers under
 * "Recent". Kept in memory only, for this session; bounded in count and bytes (API_LIMITS), the
 * least recently used dropping off first.
 */
import { API_LIMITS, type ModelInfo, type RecentModel } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { ApiRequestError } from '../../shared/validate';
import type { Engine } from '../engine/engine';

interface Kept {
  info: RecentModel;
  bytes: Uint8Array;
}

/** The kept models, most recently used first. */
export class RecentModels {
  private kept: Kept[] = [];

  constructor(
    private readonly limits = {
      count: API_LIMITS.maxRecentModels,
      bytes: API_LIMITS.maxRecentBytes,
    },
  ) {}

  /** What `model:recent` answers: copies, most recently used first. */
  list(): RecentModel[] {
    return this.kept.map((k) => ({ ...k.info }));
  }

  /** The kept model with this id, or undefined. */
  get(id: string): Kept | undefined {
    return this.kept.find((k) => k.info.id === id);
  }

  /**
   * Moves a kept model to the front; false when it is not kept. Why that is enough for a model
   * already kept: a model never changes once it is current (a run always trains a new one).
   */
  touch(id: string): boolean {
    const at = this.kept.findIndex((k) => k.info.id === id);
    if (at < 0) return false;
    this.kept.unshift(...this.kept.splice(at, 1));
    return true;
  }

  /** Keeps a model first in the list, then drops the least recently used past the bounds. */
  add(info: RecentModel, bytes: Uint8Array): void {
    this.kept = [{ info: { ...info }, bytes }, ...this.kept.filter((k) => k.info.id !== info.id)];
    let total = 0;
    this.kept = this.kept.filter((k, i) => {
      total += k.bytes.length;
      return i < this.limits.count && total <= this.limits.bytes;
    });
  }
}

/** Sources of the models that are the user's own (bundled ones can always be loaded again). */
function isOwn(source: ModelInfo['source']): source is RecentModel['source'] {
  return source === 'trained' || source === 'loaded';
}

/**
 * Keeps the engine's current model in `recent` before something replaces it, when it is one of
 * the user's own. Nothing to do for a bundled model, a run in progress or no model. Rejects with an
 * ApiRequestError when the model cannot be copied, so the caller changes nothing rather than lose it.
 */
export async function keepCurrentModel(engine: Engine, recent: RecentModels): Promise<void> {
  if (engine.isTraining()) return;
  const info = (await engine.currentSummary())?.info;
  if (!info || !isOwn(info.source) || recent.touch(info.id)) return;
  let bytes: Uint8Array;
  try {
    bytes = await engine.exportBundle();
  } catch (err) {
    const why = `Could not keep "${info.name}" under Recent (${errorMessage(err)}); nothing was changed.`;
    throw new ApiRequestError('failed', why);
  }
  const { id, name, source, createdAt, epochsTrained } = info;
  recent.add({ id, name, source, createdAt, epochsTrained }, bytes);
}
