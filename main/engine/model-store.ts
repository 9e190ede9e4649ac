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
 * Writes are crash-safe (main/node/atomic-folder.ts): after a crash at any moment the path holds
 * the old model or the new one, whole. Reads open regular files only, each within a size limit,
 * check the shape of the JSON before parsing it, and validate everything (format tags, declared
 * sizes, shapes, byte counts) before any model is built or any dataset generated, so a bad file
 * gives a clear error and the caller's current model is untouched.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { join } from 'node:path';
import { API_LIMITS } from '../../shared/api';
import { kindPhrase } from '../../shared/wording';
import { type StepHook, recoverFolder, writeFolderAtomic } from '../node/atomic-folder';
import { FileRefusedError, describeFileError, readRegularFile } from '../node/files';
import { MODEL_JSON_SHAPE, parseBoundedJson } from '../../shared/bounded-json';
import { type Autoencoder, type ModelSpec, layerPlan, layersOf, modelOfWeights } from './model';
import { type AtlasMeta, META_FILE, META_VERSION, specOfMeta, validateMeta } from './model-meta';

/** The `format` tag of a one-file bundle (`.atlas.json`). */
export const BUNDLE_FORMAT = 'latent-atlas-bundle';
/** The three files of a model directory. */
export const FILES = { model: 'model.json', weights: 'weights.bin', meta: META_FILE } as const;
/** Largest model.json or atlas-meta.json read (ours: 4 KB and 1 KB). */
const MAX_JSON_FILE_BYTES = 1024 * 1024;
/** Largest weights.bin read: the largest model there is (a 64 px VAE) holds about 4.3 MB. */
const MAX_WEIGHTS_FILE_BYTES = 16 * 1024 * 1024;

/** A model as bytes and JSON, before writing or after reading. */
export interface StoredModel {
  modelJson: Record<string, unknown>;
  weights: Uint8Array;
  meta: AtlasMeta;
  /**
   * A bundle's training timeline (timeline-file.ts): a SavedTimeline to write, or as read (not yet
   * validated: see `unpackTimeline`). Absent: none was saved.
   */
  timeline?: unknown;
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
  const expectedBytes = weightBytes(meta);
  const actualBytes = specs.reduce((n, s) => n + 4 * s.shape.reduce((a, b) => a * b, 1), 0);
  if (actualBytes !== expectedBytes) {
    throw new Error(
      `${where}: the weights manifest does not match ${kindPhrase(meta.config.kind)} for ${meta.config.imageSize} px images`,
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
    const model = modelOfWeights(spec, (name) => ({
      kernel: named[`${name}/kernel`]!,
      bias: named[`${name}/bias`]!,
    }));
    return { model, meta };
  } finally {
    tf.dispose(Object.values(named));
  }
}

/** The size of weights.bin for a model's metadata (float32 kernels and biases). */
function weightBytes(meta: AtlasMeta): number {
  return layerPlan(specOfMeta(meta)).reduce((n, p) => n + 4 * (p.units[0] * p.units[1] + p.units[1]), 0);
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
 * Writes a model directory so that a crash at any step leaves the old model or the new one at
 * `dir` (see main/node/atomic-folder.ts). Refuses to replace a folder that is not a model.
 * Throws a user-facing error naming `dir` and the reason. `onStep` is the seam for crash tests.
 */
export async function writeModelDir(dir: string, stored: StoredModel, onStep?: StepHook): Promise<void> {
  const files = [
    [FILES.model, JSON.stringify(stored.modelJson)],
    [FILES.weights, stored.weights],
    [FILES.meta, JSON.stringify(stored.meta, null, 2)],
  ] as const;
  try {
    await writeFolderAtomic(dir, files, { onStep, refuseToReplace: notAModelFolder });
  } catch (err) {
    throw new Error(`Could not save the model to ${dir}: ${describeFileError(err)}.`, { cause: err });
  }
}

/** Why an existing folder must not be replaced by a model: it holds files and no model (e.g. ~/Documents). */
export function notAModelFolder(entries: string[]): string | null {
  if (entries.length === 0 || entries.includes(FILES.meta)) return null;
  return 'the folder holds other files and no Latent Atlas model; choose a new or empty folder';
}

/**
 * Reads the three files of a model directory (not yet validated: see `fromStored`), first putting
 * back a model a crashed save left aside. Refuses anything but regular files within size limits.
 */
export async function readModelDir(dir: string): Promise<StoredModel> {
  await recoverFolder(dir);
  const read = async (file: string, maxBytes: number): Promise<Buffer> => {
    try {
      return await readRegularFile(join(dir, file), maxBytes);
    } catch (err) {
      if (err instanceof FileRefusedError) {
        const why =
          err.kind === 'too-large'
            ? `is too large to belong to a Latent Atlas model (over ${maxBytes} bytes)`
            : err.reason;
        throw new Error(`${dir}: ${file} ${why}`, { cause: err });
      }
      if (!(err as NodeJS.ErrnoException).code) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      const message =
        code === 'ENOENT' ? `${dir}: ${file} is missing` : `${dir}: cannot read ${file} (${String(err)})`;
      throw new Error(message, { cause: err });
    }
  };
  // Why one after another: the first missing file reported is always the same one (model.json
  // first), whatever the file system's timing.
  const modelBytes = await read(FILES.model, MAX_JSON_FILE_BYTES);
  const weights = await read(FILES.weights, MAX_WEIGHTS_FILE_BYTES);
  const metaBytes = await read(FILES.meta, MAX_JSON_FILE_BYTES);
  const json = (bytes: Uint8Array, file: string) =>
    parseBoundedJson(bytes, `${dir}: ${file}`, { maxBytes: MAX_JSON_FILE_BYTES, ...MODEL_JSON_SHAPE });
  return {
    modelJson: json(modelBytes, FILES.model) as Record<string, unknown>,
    weights: new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength),
    meta: json(metaBytes, FILES.meta) as AtlasMeta,
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
    ...(stored.timeline === undefined ? {} : { timeline: stored.timeline }),
  };
  return new TextEncoder().encode(JSON.stringify(bundle));
}

/**
 * Parses a bundle (not yet validated as a model: see `fromStored`). Checks the JSON's size and
 * shape before parsing it, and the metadata and the declared weight size before decoding weights.
 */
export function unpackBundle(bytes: Uint8Array, where = 'bundle'): StoredModel {
  const raw = parseBoundedJson(bytes, where, { maxBytes: API_LIMITS.maxBundleBytes, ...MODEL_JSON_SHAPE });
  if (
    typeof raw !== 'object' ||
    raw === null ||
    (raw as Record<string, unknown>)['format'] !== BUNDLE_FORMAT
  ) {
    throw new Error(`${where}: not a Latent Atlas model bundle (.atlas.json)`);
  }
  const b = raw as Record<string, unknown>;
  const base64 = b['weightsBase64'];
  if (typeof base64 !== 'string' || typeof b['modelJson'] !== 'object' || b['modelJson'] === null) {
    throw new Error(`${where}: the bundle lacks its weights or model.json`);
  }
  const meta = validateMeta(b['meta'], where);
  const expectedBytes = weightBytes(meta);
  const declaredBytes = base64Bytes(base64);
  if (declaredBytes !== expectedBytes) {
    throw new Error(
      `${where}: the weights hold ${declaredBytes} bytes, expected ${expectedBytes} for ${kindPhrase(meta.config.kind)} for ${meta.config.imageSize} px images (truncated or from another model)`,
    );
  }
  const weights = Buffer.from(base64, 'base64');
  return {
    modelJson: b['modelJson'] as Record<string, unknown>,
    weights: new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength),
    meta: b['meta'] as AtlasMeta,
    ...(b['timeline'] == null ? {} : { timeline: b['timeline'] }),
  };
}

/** How many bytes a base64 text decodes to, without decoding it (padding allowed, no line breaks). */
function base64Bytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}
