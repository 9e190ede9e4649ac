/**
 * The Compare view's models (issue 12), held by the worker beside the current model and never
 * replacing it: up to COMPARE_SLOTS of them, each with its validation codes, a VAE's log-variances
 * and rate, and its metrics. The linked cursor (`probe`) runs a true cylinder's image, or a latent
 * point, through every filled slot at once: one call, four tiny forward passes.
 */
import {
  COMPARE_SLOTS,
  type CompareProbeRequest,
  type CompareProbeSlot,
  type CompareSlot,
  type ModelInfo,
} from '../../shared/api';
import { renderCylinder } from '../../shared/cylinder';
import { rateOf } from '../../shared/rate';
import type { ImageSize } from '../../shared/train-config';
import type { DatasetCache } from './dataset-cache';
import { decodeCodes, encodeImages, encodeWithLogVar } from './evaluate';
import { infoOf, withScores } from './held-model';
import { priorSampleScores } from './prior-samples';
import { type Autoencoder, disposeModel } from './model';
import type { AtlasMeta } from './model-meta';

/** A model in a slot, and what describes it. */
interface Filled {
  model: Autoencoder;
  state: CompareSlot;
}

/** The slots; every method throws an Error with a user-facing message. */
export class CompareSlots {
  private readonly slots: (Filled | null)[] = Array.from({ length: COMPARE_SLOTS }, () => null);
  /** The fill in progress (fills run one after another). */
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * @param datasets where a slot's validation images come from (its own config's dataset)
   * @param release called after a fill, so the cache keeps only the datasets still in use
   */
  constructor(
    private readonly datasets: DatasetCache,
    private readonly release: () => void,
  ) {}

  /**
   * Puts a loaded model in `slot` (disposing what was there), scoring it on its own validation
   * split. The model is disposed if that fails, and the slot keeps what it held.
   */
  fill(
    slot: number,
    loaded: { model: Autoencoder; meta: AtlasMeta },
    source: ModelInfo['source'],
  ): Promise<CompareSlot> {
    // One fill at a time, the others wait their turn: each holds its model's whole dataset while
    // it scores it (a 64 px × 50,000 one is about 800 MB), so concurrent fills could hold several.
    const turn = this.queue.then(() => this.fillNow(slot, loaded, source));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async fillNow(
    slot: number,
    loaded: { model: Autoencoder; meta: AtlasMeta },
    source: ModelInfo['source'],
  ): Promise<CompareSlot> {
    try {
      checkSlot(slot);
    } catch (err) {
      disposeModel(loaded.model);
      throw err;
    }
    let state: CompareSlot;
    try {
      const dataset = await this.datasets.prepare(loaded.meta.config);
      const { val } = dataset;
      const { codes, logVar } = encodeWithLogVar(loaded.model, val.images, val.count);
      if (!codes.every(Number.isFinite))
        throw new Error('its encoder gives non-finite codes (the weights are corrupt)');
      const meta = withScores(loaded.meta, codes, val.factors);
      const size = meta.config.imageSize as ImageSize;
      state = {
        slot,
        info: infoOf(meta, source),
        imageSize: size,
        points: { codes: codes.slice(), factors: val.factors.slice(), count: val.count },
        logVar: logVar ? logVar.slice() : null,
        rate: logVar ? rateOf(codes, logVar) : null,
        priorSamples: logVar ? priorSampleScores(loaded.model, size, val, codes, dataset.train) : null,
      };
    } catch (err) {
      disposeModel(loaded.model);
      throw err;
    } finally {
      this.release();
    }
    const old = this.slots[slot];
    if (old) disposeModel(old.model);
    this.slots[slot] = { model: loaded.model, state };
    return copyOf(state);
  }

  clear(slot: number): void {
    checkSlot(slot);
    const old = this.slots[slot];
    if (old) disposeModel(old.model);
    this.slots[slot] = null;
  }

  /**
   * The linked cursor through every filled slot: for `factors`, the true cylinder's image at each
   * slot's size, encoded (its mean code) and decoded; for `z`, z decoded.
   */
  probe(req: CompareProbeRequest): CompareProbeSlot[] {
    const out: CompareProbeSlot[] = [];
    for (const filled of this.slots) {
      if (!filled) continue;
      const { model, state } = filled;
      const size = state.imageSize;
      let z: [number, number];
      if ('factors' in req) {
        const codes = encodeImages(model, renderCylinder(req.factors, size), 1);
        z = [codes[0]!, codes[1]!];
      } else {
        z = [req.z[0], req.z[1]];
      }
      const image = decodeCodes(model, new Float32Array(z));
      out.push({ slot: state.slot, z, image, imageSize: size });
    }
    return out;
  }
}

function checkSlot(slot: number): void {
  if (!Number.isInteger(slot) || slot < 0 || slot >= COMPARE_SLOTS)
    throw new Error(`There is no Compare slot ${slot} (slots are 0 to ${COMPARE_SLOTS - 1}).`);
}

/** A slot's state with its own arrays: the reply may transfer them. */
function copyOf(state: CompareSlot): CompareSlot {
  return {
    ...state,
    points: { ...state.points, codes: state.points.codes.slice(), factors: state.points.factors.slice() },
    logVar: state.logVar ? state.logVar.slice() : null,
  };
}
