/**
 * Our metadata beside a model's tfjs files (`atlas-meta.json`, or the `meta` of a bundle): its
 * type, format tag and version, and its validation. A file from elsewhere is checked field by
 * field, so what reaches the UI (name, metrics, bounds) always has the shape the contract promises.
 */
import type { LatentBounds, Metrics, PerFactor } from '../../shared/api';
import type { TrainConfig } from '../../shared/train-config';
import { validateTrainConfig } from '../../shared/validate';
import { HIDDEN_UNITS, type ModelSpec } from './model';
import type { Disentanglement } from '../../shared/disentangle';

/** The `format` tag of our metadata: a file without it is not ours. */
export const META_FORMAT = 'latent-atlas-model';
/** Version of our metadata; bump on incompatible changes. */
export const META_VERSION = 1;
/** The metadata's file name in a model directory. */
export const META_FILE = 'atlas-meta.json';

/** Longest id, name or date string accepted from a file. */
const MAX_TEXT = 200;

/** Our metadata beside the tfjs files. */
export interface AtlasMeta {
  format: typeof META_FORMAT;
  version: number;
  id: string;
  name: string;
  /** ISO date. */
  createdAt: string;
  config: TrainConfig;
  /** Hidden widths of the dense encoder (mirrored in the decoder), e.g. [128, 32]. */
  hidden: number[];
  metrics: Metrics | null;
  latentBounds: LatentBounds | null;
  datasetSeed: number;
  epochsTrained: number;
}

/** The spec a stored model was built with. */
export function specOfMeta(meta: AtlasMeta): ModelSpec {
  return { imageSize: meta.config.imageSize, kind: meta.config.kind, hidden: meta.hidden };
}

/**
 * Checks metadata read from a file and returns only its known fields, typed. Throws an Error
 * naming `where` and the bad field, e.g. `model: "metrics.knnR2.height" must be a finite number`.
 */
export function validateMeta(raw: unknown, where = 'model'): AtlasMeta {
  const m = record(raw, `${where}: ${META_FILE} is not a JSON object`);
  if (m['format'] !== META_FORMAT)
    throw new Error(`${where}: not a Latent Atlas model (${META_FILE} has no "${META_FORMAT}" tag)`);
  if (m['version'] !== META_VERSION) {
    throw new Error(
      `${where}: model format version ${String(m['version'])} is not supported (this app reads version ${META_VERSION})`,
    );
  }
  const bad = (field: string, what: string) => new Error(`${where}: "${field}" must be ${what}`);
  const text = (field: 'id' | 'name' | 'createdAt'): string => {
    const v = m[field];
    if (typeof v !== 'string' || v.length === 0 || v.length > MAX_TEXT)
      throw bad(field, `a string of 1 to ${MAX_TEXT} characters`);
    return v;
  };
  const count = (field: 'datasetSeed' | 'epochsTrained'): number => {
    const v = m[field];
    if (!Number.isSafeInteger(v) || (v as number) < 0) throw bad(field, 'a whole number ≥ 0');
    return v as number;
  };
  // Why only the layers this app builds: every model it makes has them, and loading a model
  // regenerates its declared dataset (some 800 MB for 50,000 images of 64 px) to encode it. With
  // free widths a 70 KB file (layers one unit wide) could ask for that work; a model of ours that
  // declares it carries 4 MB of weights.
  const hidden = m['hidden'];
  const ours = Array.isArray(hidden) && hidden.length === HIDDEN_UNITS.length;
  if (!ours || !HIDDEN_UNITS.every((units, i) => hidden[i] === units)) {
    throw bad('hidden', `[${HIDDEN_UNITS.join(', ')}], the layers this app builds`);
  }
  return {
    format: META_FORMAT,
    version: META_VERSION,
    id: text('id'),
    name: text('name'),
    createdAt: text('createdAt'),
    config: validateTrainConfig(m['config'], `${where}: config`),
    hidden: [...HIDDEN_UNITS],
    metrics: m['metrics'] == null ? null : metrics(m['metrics'], bad),
    latentBounds: m['latentBounds'] == null ? null : bounds(m['latentBounds'], 'latentBounds', bad),
    datasetSeed: count('datasetSeed'),
    epochsTrained: count('epochsTrained'),
  };
}

type Bad = (field: string, what: string) => Error;

/** Checks an epoch's metrics read from a file (a saved timeline's), naming `field` when bad. */
export function validateMetrics(raw: unknown, where: string, field: string): Metrics {
  return metrics(raw, (f, what) => new Error(`${where}: "${field}.${f}" must be ${what}`));
}

function metrics(raw: unknown, bad: Bad): Metrics {
  const m = record(raw, bad('metrics', 'an object').message);
  const spearman = record(m['spearman'], bad('metrics.spearman', 'an object').message);
  return {
    valMse: finite(m['valMse'], 'metrics.valMse', bad),
    valNmse: finite(m['valNmse'], 'metrics.valNmse', bad),
    knnR2: perFactor(m['knnR2'], 'metrics.knnR2', bad),
    spearman: {
      z1: perFactor(spearman['z1'], 'metrics.spearman.z1', bad),
      z2: perFactor(spearman['z2'], 'metrics.spearman.z2', bad),
    },
    latentBounds: bounds(m['latentBounds'], 'metrics.latentBounds', bad),
    ...(m['disentanglement'] == null ? {} : { disentanglement: scores(m['disentanglement'], bad) }),
  };
}

function scores(raw: unknown, bad: Bad): Disentanglement {
  const o = record(raw, bad('metrics.disentanglement', 'an object').message);
  const d = record(o['dci'], bad('metrics.disentanglement.dci', 'an object').message);
  const note = o['note'];
  if (note != null && typeof note !== 'string') throw bad('metrics.disentanglement.note', 'text or null');
  const perFactor = o['migPerFactor'];
  if (!Array.isArray(perFactor) || perFactor.length > 8)
    throw bad('metrics.disentanglement.migPerFactor', 'a short list of numbers');
  return {
    mig: finite(o['mig'], 'metrics.disentanglement.mig', bad),
    migPerFactor: perFactor.map((v, i) => finite(v, `metrics.disentanglement.migPerFactor[${i}]`, bad)),
    sap: finite(o['sap'], 'metrics.disentanglement.sap', bad),
    dci: {
      disentanglement: finite(d['disentanglement'], 'metrics.disentanglement.dci.disentanglement', bad),
      completeness: finite(d['completeness'], 'metrics.disentanglement.dci.completeness', bad),
      informativeness: finite(d['informativeness'], 'metrics.disentanglement.dci.informativeness', bad),
    },
    note: note ?? null,
  };
}

function perFactor(raw: unknown, field: string, bad: Bad): PerFactor {
  const o = record(raw, bad(field, 'an object').message);
  return {
    height: finite(o['height'], `${field}.height`, bad),
    radius: finite(o['radius'], `${field}.radius`, bad),
  };
}

function bounds(raw: unknown, field: string, bad: Bad): LatentBounds {
  const o = record(raw, bad(field, 'an object').message);
  const pair = (v: unknown, name: string): [number, number] => {
    if (!Array.isArray(v) || v.length !== 2) throw bad(`${field}.${name}`, 'two numbers');
    return [finite(v[0], `${field}.${name}[0]`, bad), finite(v[1], `${field}.${name}[1]`, bad)];
  };
  const min = pair(o['min'], 'min');
  const max = pair(o['max'], 'max');
  if (min[0] > max[0] || min[1] > max[1]) throw bad(field, 'a box with min ≤ max');
  return { min, max };
}

function finite(v: unknown, field: string, bad: Bad): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw bad(field, 'a finite number');
  return v;
}

function record(raw: unknown, message: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(message);
  return raw as Record<string, unknown>;
}
