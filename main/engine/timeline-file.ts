/**
 * A training timeline saved with its model (issue 13; optional, off by default): the kept epochs'
 * losses and metrics, and their weights and validation codes, as the `timeline` field of a model
 * bundle (`.atlas.json`). Reading checks every count and size against the model's own before it
 * decodes anything, and every number it decodes, so a bad timeline is refused with a reason.
 */
import type { Metrics } from '../../shared/api';
import { TRAIN_CONFIG_LIMITS } from '../../shared/train-config';
import { layerPlan } from './model';
import { type AtlasMeta, specOfMeta, validateMetrics } from './model-meta';
import { type Snapshot, Timeline } from './timeline';
import type { ModelWeights } from './weights-mirror';

/** The version of the saved timeline's layout. */
export const SAVED_TIMELINE_VERSION = 1;
/** Most validation points a saved epoch may hold (the largest dataset's validation split). */
const MAX_POINTS = 100_000;

export interface SavedTimeline {
  version: typeof SAVED_TIMELINE_VERSION;
  /** Each kept epoch, in order. */
  epochs: { epoch: number; lossTrain: number; lossVal: number; metrics: Metrics }[];
  /** True once older epochs were thinned to stay within the cap. */
  thinned: boolean;
  /** The validation points of each epoch's codes. */
  pointCount: number;
  /** Each epoch's weights (as in weights.bin: each layer's kernel then bias), one after another. */
  weightsBase64: string;
  /** Each epoch's codes (z₁, z₂ per point), one epoch after another. */
  codesBase64: string;
}

/** The timeline as a bundle's `timeline` field. */
export function packTimeline(timeline: Timeline): SavedTimeline {
  const snaps = timeline.snapshots();
  const weights = concat(snaps.flatMap((s) => s.weights.layers.flatMap((l) => [l.kernel, l.bias])));
  const codes = concat(snaps.map((s) => s.codes));
  return {
    version: SAVED_TIMELINE_VERSION,
    epochs: snaps.map(({ epoch, lossTrain, lossVal, metrics }) => ({ epoch, lossTrain, lossVal, metrics })),
    thinned: timeline.info().thinned,
    pointCount: snaps.length ? snaps[0]!.codes.length / 2 : 0,
    weightsBase64: base64(weights),
    codesBase64: base64(codes),
  };
}

/**
 * Reads a bundle's `timeline` field for the model `meta` describes, or throws naming `where` and
 * what is wrong. `pointCount` is checked against the model's validation split by the caller.
 */
export function unpackTimeline(
  raw: unknown,
  meta: AtlasMeta,
  where: string,
): { timeline: Timeline; pointCount: number } {
  const bad = (what: string) => new Error(`${where}: the saved training timeline ${what}`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad('is not an object');
  const t = raw as Record<string, unknown>;
  if (t['version'] !== SAVED_TIMELINE_VERSION)
    throw bad(`has version ${String(t['version'])}; this app reads version ${SAVED_TIMELINE_VERSION}`);
  const maxEpoch = TRAIN_CONFIG_LIMITS.epochs[1];
  const rawEpochs = t['epochs'];
  if (!Array.isArray(rawEpochs) || rawEpochs.length === 0 || rawEpochs.length > maxEpoch)
    throw bad(`must list 1 to ${maxEpoch} epochs`);
  let previous = 0;
  const epochs = rawEpochs.map((e: unknown, i) => {
    const o = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
    const epoch = o['epoch'];
    if (!Number.isSafeInteger(epoch) || (epoch as number) <= previous || (epoch as number) > maxEpoch)
      throw bad(`lists epoch ${String(epoch)} at ${i + 1}: epochs must rise, from 1 to ${maxEpoch}`);
    previous = epoch as number;
    const loss = (k: 'lossTrain' | 'lossVal') => {
      const v = o[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw bad(`has no finite ${k} at epoch ${previous}`);
      return v;
    };
    return {
      epoch: previous,
      lossTrain: loss('lossTrain'),
      lossVal: loss('lossVal'),
      metrics: validateMetrics(o['metrics'], where, `timeline.epochs[${i}].metrics`),
    };
  });
  const pointCount = t['pointCount'];
  if (!Number.isSafeInteger(pointCount) || (pointCount as number) < 1 || (pointCount as number) > MAX_POINTS)
    throw bad(`must say how many points each epoch holds (1 to ${MAX_POINTS})`);
  const points = pointCount as number;
  const sizes = layerPlan(specOfMeta(meta)).flatMap((p) => [p.units[0] * p.units[1], p.units[1]]);
  const perEpoch = sizes.reduce((a, b) => a + b, 0);
  const weights = floats(t['weightsBase64'], epochs.length * perEpoch, 'weights', bad);
  const codes = floats(t['codesBase64'], epochs.length * points * 2, 'codes', bad);
  if (typeof t['thinned'] !== 'boolean') throw bad('must say whether it was thinned');

  const spec = specOfMeta(meta);
  const timeline = new Timeline();
  epochs.forEach((e, k) => {
    let offset = k * perEpoch;
    const layers: ModelWeights['layers'] = [];
    for (let l = 0; l < sizes.length; l += 2) {
      const kernel = weights.slice(offset, offset + sizes[l]!);
      offset += sizes[l]!;
      const bias = weights.slice(offset, offset + sizes[l + 1]!);
      offset += sizes[l + 1]!;
      layers.push({ kernel, bias });
    }
    const snap: Snapshot = {
      ...e,
      weights: { spec: { ...spec, hidden: [...spec.hidden] }, layers },
      codes: codes.slice(k * points * 2, (k + 1) * points * 2),
    };
    timeline.add(snap);
  });
  if (t['thinned'] === true) timeline.markThinned();
  return { timeline, pointCount: points };
}

/** `count` finite float32 values from base64 text, or an error saying what is wrong. */
function floats(raw: unknown, count: number, what: string, bad: (what: string) => Error): Float32Array {
  if (typeof raw !== 'string') throw bad(`lacks its ${what}`);
  // Why the length first: it says the size without decoding (and refuses a wrong one cheaply).
  const padding = raw.endsWith('==') ? 2 : raw.endsWith('=') ? 1 : 0;
  const declared = Math.floor((raw.length * 3) / 4) - padding;
  if (declared !== count * 4)
    throw bad(`holds ${declared} bytes of ${what}, expected ${count * 4} for this model`);
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.byteLength !== count * 4) throw bad(`has ${what} that are not base64`);
  const out = new Float32Array(count);
  new Uint8Array(out.buffer).set(bytes);
  for (let i = 0; i < count; i++)
    if (!Number.isFinite(out[i])) throw bad(`has ${what} that are not finite numbers`);
  return out;
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function base64(values: Float32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}
