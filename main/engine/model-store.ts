/**
 * Saving and loading models.
 *
 * A model directory holds three files:
 *   model.json       tfjs layers format (a functional Keras topology + weights manifest), readable
 *                    by `tf.loadLayersModel`; outputs [reconstruction, z_mean(, z_log_var)].
 *   weights.bin      float32 weights in manifest order.
 *   atlas-meta.json  our metadata (AtlasMeta): format tag + version, config, metrics, …
 * A bundle (`.atlas.json`, for the browser) is one JSON file with the same three pieces, the
 * weights base64-encoded.
 *
 * Writes are atomic: files go to a temporary sibling directory that is renamed into place. Reads
 * validate everything (format tags, shapes, byte counts) before any model is built, so a bad file
 * gives a clear error and the caller's current model is untouched.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { API_LIMITS } from '../../shared/api';
import { describeFileError, tempSibling } from '../node/files';
import {
  type Autoencoder,
  type DenseWeights,
  type ModelSpec,
  fromLayers,
  layerPlan,
  layersOf,
  uniqueVariablePrefix,
} from './model';
import { type AtlasMeta, META_FILE, META_VERSION, specOfMeta, validateMeta } from './model-meta';

/** The `format` tag of a one-file bundle (`.atlas.json`). */
export const BUNDLE_FORMAT = 'latent-atlas-bundle';
/** The three files of a model directory. */
export const FILES = { model: 'model.json', weights: 'weights.bin', meta: META_FILE } as const;

/** A model as bytes and JSON, before writing or after reading. */
export interface StoredModel {
  modelJson: Record<string, unknown>;
  weights: Uint8Array;
  meta: AtlasMeta;
}

/** Serialises a model and its metadata (reads the weights; does not change the model). */
export async function toStored(model: Autoencoder, meta: AtlasMeta): Promise<StoredModel> {
  const layers = layersOf(model);
  const specs: tf.io.WeightsManifestEntry[] = [];
  const parts: Float32Array[] = [];
  for (const layer of layers) {
    for (const [suffix, v] of [
      ['kernel', layer.kernel],
      ['bias', layer.bias],
    ] as const) {
      specs.push({ name: `${layer.name}/${suffix}`, shape: v.shape, dtype: 'float32' });
      parts.push((await v.data()) as Float32Array);
    }
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const all = new Float32Array(total);
  let offset = 0;
  for (const p of parts) {
    all.set(p, offset);
    offset += p.length;
  }
  const modelJson = {
    format: 'layers-model',
    generatedBy: `Latent Atlas (TensorFlow.js ${tf.version_core})`,
    convertedBy: null,
    modelTopology: layersTopology(model.spec),
    weightsManifest: [{ paths: [FILES.weights], weights: specs }],
  };
  return { modelJson, weights: new Uint8Array(all.buffer), meta };
}

/**
 * The Keras functional topology of a spec, built with tfjs-layers so that it is exactly what
 * `tf.loadLayersModel` expects. Layer names match our variable names ("enc_1/kernel", …).
 */
function layersTopology(spec: ModelSpec): unknown {
  const plan = layerPlan(spec);
  const input = tfl.input({ shape: [spec.imageSize * spec.imageSize], name: 'image' });
  const byName = new Map(plan.map((p) => [p.name, p]));
  const dense = (name: string, x: tfl.SymbolicTensor): tfl.SymbolicTensor => {
    const p = byName.get(name)!;
    return tfl.layers
      .dense({ units: p.units[1], activation: p.activation, name })
      .apply(x) as tfl.SymbolicTensor;
  };
  let h = input;
  for (let i = 1; i <= spec.hidden.length; i++) h = dense(`enc_${i}`, h);
  const zMean = dense('z_mean', h);
  const outputs = [zMean];
  if (spec.kind === 'vae') outputs.push(dense('z_log_var', h));
  let d = zMean;
  for (let i = 1; i <= spec.hidden.length; i++) d = dense(`dec_${i}`, d);
  const recon = dense('recon', d);
  const model = tfl.model({
    inputs: input,
    outputs: [recon, ...outputs],
    name: 'latent_atlas_autoencoder',
  });
  const topology = model.toJSON(undefined, false);
  model.dispose();
  return topology;
}

/**
 * Validates a stored model and builds it (new variables, owned by the caller). Throws a clear
 * error, having created nothing, when anything is missing, malformed or of the wrong size.
 */
export function fromStored(stored: StoredModel, where = 'model'): { model: Autoencoder; meta: AtlasMeta } {
  const meta = validateMeta(stored.meta, where);
  const specs = manifestEntries(stored.modelJson, where);
  const spec = specOfMeta(meta);
  const plan = layerPlan(spec);
  const expectedBytes = plan.reduce((n, p) => n + 4 * (p.units[0] * p.units[1] + p.units[1]), 0);
  const actualBytes = specs.reduce((n, s) => n + 4 * s.shape.reduce((a, b) => a * b, 1), 0);
  if (actualBytes !== expectedBytes) {
    throw new Error(
      `${where}: the weights manifest does not match a ${meta.config.kind} for ${meta.config.imageSize}px images`,
    );
  }
  if (stored.weights.byteLength !== expectedBytes) {
    throw new Error(
      `${where}: ${FILES.weights} has ${stored.weights.byteLength} bytes, expected ${expectedBytes} (truncated or from another model)`,
    );
  }
  const aligned = stored.weights.slice().buffer; // decodeWeights needs an ArrayBuffer of its own
  const named = tf.io.decodeWeights(aligned, specs);
  try {
    for (const p of plan) {
      for (const [suffix, shape] of [
        ['kernel', p.units],
        ['bias', [p.units[1]]],
      ] as const) {
        const t = named[`${p.name}/${suffix}`];
        if (!t || t.shape.join('x') !== shape.join('x')) {
          throw new Error(`${where}: weight ${p.name}/${suffix} is missing or has the wrong shape`);
        }
        const data = t.dataSync();
        for (let i = 0; i < data.length; i++) {
          if (!Number.isFinite(data[i]!))
            throw new Error(`${where}: weight ${p.name}/${suffix} contains NaN or Infinity`);
        }
      }
    }
    const prefix = uniqueVariablePrefix();
    const layers: DenseWeights[] = plan.map((p) => ({
      name: p.name,
      activation: p.activation,
      kernel: tf.variable(named[`${p.name}/kernel`]!, true, `${prefix}/${p.name}/kernel`),
      bias: tf.variable(named[`${p.name}/bias`]!, true, `${prefix}/${p.name}/bias`),
    }));
    return { model: fromLayers(spec, layers), meta };
  } finally {
    tf.dispose(Object.values(named));
  }
}

/** The weight entries of a model.json, each checked: a name, a float32 dtype, a shape of whole numbers. */
function manifestEntries(raw: unknown, where: string): tf.io.WeightsManifestEntry[] {
  const json = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const groups = json['weightsManifest'];
  if (json['format'] !== 'layers-model' || !Array.isArray(groups)) {
    throw new Error(`${where}: ${FILES.model} is not a TensorFlow.js layers model`);
  }
  const entries: unknown[] = groups.flatMap((g: unknown) => {
    const weights = typeof g === 'object' && g !== null ? (g as { weights?: unknown }).weights : undefined;
    if (!Array.isArray(weights))
      throw new Error(`${where}: ${FILES.model} has a weights manifest group without weights`);
    return weights;
  });
  return entries.map((raw, i) => {
    const e = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const shape = e['shape'];
    const okShape =
      Array.isArray(shape) && shape.length <= 4 && shape.every((d) => Number.isSafeInteger(d) && d > 0);
    if (typeof e['name'] !== 'string' || e['dtype'] !== 'float32' || !okShape) {
      throw new Error(
        `${where}: ${FILES.model} has a malformed weight entry (#${i + 1}): it needs a name, dtype float32 and a shape`,
      );
    }
    return { name: e['name'], dtype: 'float32', shape: shape as number[] };
  });
}

/**
 * Writes a model directory atomically: the files go to a temporary sibling directory, which then
 * takes the place of `dir` (an existing `dir` is moved aside first and put back if that fails).
 * Throws a user-facing error naming `dir` and the reason; nothing is left half-written.
 */
export async function writeModelDir(dir: string, stored: StoredModel): Promise<void> {
  const tmp = tempSibling(dir, 'tmp');
  const old = tempSibling(dir, 'old');
  let movedAside = false;
  try {
    await mkdir(dirname(dir), { recursive: true });
    await mkdir(tmp);
    await writeFile(join(tmp, FILES.model), JSON.stringify(stored.modelJson));
    await writeFile(join(tmp, FILES.weights), stored.weights);
    await writeFile(join(tmp, FILES.meta), JSON.stringify(stored.meta, null, 2));
    movedAside = await rename(dir, old).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return false;
        throw err;
      },
    );
    await rename(tmp, dir);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    if (movedAside) await rename(old, dir).catch(() => undefined);
    throw new Error(`Could not save the model to ${dir}: ${describeFileError(err)}.`, { cause: err });
  }
  if (movedAside) await rm(old, { recursive: true, force: true });
}

/** Reads the three files of a model directory (not yet validated: see `fromStored`). */
export async function readModelDir(dir: string): Promise<StoredModel> {
  const read = async (file: string): Promise<Buffer> => {
    try {
      // Why the size check first: a huge file named weights.bin must not be read into memory.
      if ((await stat(join(dir, file))).size > API_LIMITS.maxBundleBytes) {
        throw new Error(`${dir}: ${file} is too large to belong to a Latent Atlas model`);
      }
      return await readFile(join(dir, file));
    } catch (err) {
      if (!(err as NodeJS.ErrnoException).code) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      const message =
        code === 'ENOENT' ? `${dir}: ${file} is missing` : `${dir}: cannot read ${file} (${String(err)})`;
      throw new Error(message, { cause: err });
    }
  };
  // Why one after another: the first missing file reported is always the same one (model.json
  // first), whatever the file system's timing.
  const modelBytes = await read(FILES.model);
  const weights = await read(FILES.weights);
  const metaBytes = await read(FILES.meta);
  return {
    modelJson: parseJson(modelBytes, `${dir}: ${FILES.model}`) as Record<string, unknown>,
    weights: new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength),
    meta: parseJson(metaBytes, `${dir}: ${FILES.meta}`) as AtlasMeta,
  };
}

/** One `.atlas.json` file: the three pieces, weights in base64. */
export function packBundle(stored: StoredModel): Uint8Array {
  const bundle = {
    format: BUNDLE_FORMAT,
    version: META_VERSION,
    meta: stored.meta,
    modelJson: stored.modelJson,
    weightsBase64: Buffer.from(
      stored.weights.buffer,
      stored.weights.byteOffset,
      stored.weights.byteLength,
    ).toString('base64'),
  };
  return new TextEncoder().encode(JSON.stringify(bundle));
}

/** Parses a bundle (not yet validated as a model: see `fromStored`). */
export function unpackBundle(bytes: Uint8Array, where = 'bundle'): StoredModel {
  const raw = parseJson(bytes, where);
  if (
    typeof raw !== 'object' ||
    raw === null ||
    (raw as Record<string, unknown>)['format'] !== BUNDLE_FORMAT
  ) {
    throw new Error(`${where}: not a Latent Atlas model bundle (.atlas.json)`);
  }
  const b = raw as Record<string, unknown>;
  if (
    typeof b['weightsBase64'] !== 'string' ||
    typeof b['modelJson'] !== 'object' ||
    b['modelJson'] === null
  ) {
    throw new Error(`${where}: the bundle lacks its weights or model.json`);
  }
  const weights = Buffer.from(b['weightsBase64'], 'base64');
  return {
    modelJson: b['modelJson'] as Record<string, unknown>,
    weights: new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength),
    meta: b['meta'] as AtlasMeta,
  };
}

function parseJson(bytes: Uint8Array, where: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (err) {
    throw new Error(`${where} is not valid JSON (truncated or corrupted?)`, { cause: err });
  }
}
