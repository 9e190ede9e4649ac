/**
 * Validation of every request payload as it arrives from a renderer (Electron IPC or the host's
 * WebSocket). Nothing from the other side is trusted: types, finite numbers, ranges and sizes are
 * checked before the service does anything, and a bad payload is answered with a clear,
 * user-facing message (code `invalid-argument`).
 */
import {
  API_LIMITS,
  COMPARE_SLOTS,
  LADDER_LIMITS,
  PREFS_LIMITS,
  REQUEST_NAMES,
  type ApiError,
  type LatentBounds,
  type RequestArg,
  type RequestName,
} from './api';
import { DENSITY_LIMITS } from './density/types';
import { isLocale, LOCALES } from './i18n/locale';
import {
  configProblems,
  IMAGE_SIZES,
  NUMERIC_CONFIG_FIELDS,
  TRAIN_CONFIG_LIMITS,
  type ConfigProblem,
  type TrainConfig,
} from './train-config';

/** An error with an `ApiError` code; its message is meant for the user. */
export class ApiRequestError extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** Turns anything thrown into an `ApiError` (unknown errors keep their message, code `failed`). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiRequestError) return { code: err.code, message: err.message };
  if (err instanceof Error && err.message) return { code: 'failed', message: err.message };
  return { code: 'failed', message: String(err) };
}

/** True for a usable model id: letters, digits, - and _, not starting with - or _ (it names a folder). */
export function isModelId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(id);
}

/** True when `name` is one of the contract's request names. */
export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && (REQUEST_NAMES as readonly string[]).includes(name);
}

type Validator = (arg: unknown, at: string) => void;

/** Pixels are in [0,1]; values beyond this are refused as absurd rather than clipped. */
const MAX_ABS_PIXEL = 1e4;
/** The first four bytes of every WebM (Matroska) file: its EBML header's ID. */
const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];

const VALIDATORS: { [K in RequestName]: Validator } = {
  'app:info': noArgument,
  'prefs:get': noArgument,
  'prefs:set': prefsPatch,
  'model:current': noArgument,
  'model:bundled': noArgument,
  'model:use-bundled': (arg, at) => {
    const o = object(arg, at, ['id']);
    const id = string(o.id, `${at}.id`, 100);
    if (!isModelId(id)) fail(`${at}.id must contain only letters, digits, - and _`);
  },
  'model:recent': noArgument,
  // Only a key into the kept list (never a path), so any id a model file may carry is accepted.
  'model:use-recent': (arg, at) => {
    string(object(arg, at, ['id']).id, `${at}.id`, API_LIMITS.maxModelIdChars);
  },
  'model:encode': (arg, at) => {
    const o = object(arg, at, ['images', 'count']);
    const count = integer(o.count, `${at}.count`, 1, API_LIMITS.maxEncodeCount);
    const maxPixels = count * Math.max(...IMAGE_SIZES) ** 2;
    const images = float32(o.images, `${at}.images`, MAX_ABS_PIXEL, maxPixels);
    const perImage = images.length / count;
    if (!IMAGE_SIZES.some((s) => s * s === perImage)) {
      fail(`${at}.images must hold count × imageSize² pixels (imageSize ${IMAGE_SIZES.join(' or ')})`);
    }
  },
  'model:decode': (arg, at) => {
    const o = object(arg, at, ['z']);
    const z = float32(o.z, `${at}.z`, API_LIMITS.maxAbsLatent, 2 * API_LIMITS.maxDecodeCount);
    if (z.length === 0 || z.length % 2 !== 0) fail(`${at}.z must hold a non-zero, even number of values`);
  },
  'model:decode-grid': (arg, at) => {
    const o = object(arg, at, ['bounds', 'perSide']);
    bounds(o.bounds, `${at}.bounds`);
    integer(o.perSide, `${at}.perSide`, ...API_LIMITS.gridPerSide);
  },
  'model:codes': (arg, at) => {
    const o = object(arg, at, ['split']);
    if (o.split !== 'train' && o.split !== 'val') fail(`${at}.split must be "train" or "val"`);
  },
  'model:export': modelExportRequest,
  'model:import': (arg, at) => {
    const o = object(arg, at, ['bytes', 'fileName']);
    bundleBytes(o.bytes, `${at}.bytes`);
    string(o.fileName, `${at}.fileName`, 255);
  },
  'image:png': imageRequest,
  'filmstrip:png': filmstripRequest,
  'filmstrip:save-dialog': filmstripRequest,
  'export:save-dialog': (arg, at) => {
    const o = object(arg, at, ['suggestedName', 'format', 'bytes']);
    fileName(o.suggestedName, `${at}.suggestedName`);
    if (!['gif', 'svg', 'png', 'webm', 'md', 'json'].includes(o.format as string))
      fail(`${at}.format must be "gif", "svg", "png", "webm", "md" or "json"`);
    if (!(o.bytes instanceof Uint8Array)) fail(`${at}.bytes must be a Uint8Array`);
    if (o.bytes.length === 0) fail(`${at}.bytes is empty`);
    if (o.bytes.length > API_LIMITS.maxExportBytes)
      fail(`${at}.bytes is too large (${o.bytes.length} bytes; at most ${API_LIMITS.maxExportBytes})`);
    // Why: the dialog names the file .webm; bytes that are not one would open as a broken video.
    const bytes = o.bytes;
    if (o.format === 'webm' && !EBML_MAGIC.every((b, i) => bytes[i] === b))
      fail(`${at}.bytes is not a WebM file (it must start with the EBML header 1A 45 DF A3)`);
  },
  'grid:png': gridRequest,
  'gallery:png': galleryRequest,
  'model:open-dialog': noArgument,
  'model:save-dialog': modelExportRequest,
  'image:save-dialog': imageRequest,
  'grid:save-dialog': gridRequest,
  'gallery:save-dialog': galleryRequest,
  'csv:save-dialog': (arg, at) => {
    const o = object(arg, at, ['suggestedName', 'text']);
    fileName(o.suggestedName, `${at}.suggestedName`);
    string(o.text, `${at}.text`, API_LIMITS.maxCsvChars);
  },
  'train:start': (arg, at) => {
    const o = object(arg, at, ['config']);
    trainConfig(o.config, `${at}.config`);
  },
  'train:pause': noArgument,
  'train:resume': noArgument,
  'train:stop': noArgument,
  'timeline:info': noArgument,
  'timeline:view': (arg, at) => {
    const o = object(arg, at, ['epoch']);
    if (o.epoch !== null) integer(o.epoch, `${at}.epoch`, 1, TRAIN_CONFIG_LIMITS.epochs[1]);
  },
  'timeline:codes': (arg, at) => {
    integer(object(arg, at, ['epoch']).epoch, `${at}.epoch`, 1, TRAIN_CONFIG_LIMITS.epochs[1]);
  },
  'model:rotate': (arg, at) => {
    number(object(arg, at, ['angle']).angle, `${at}.angle`, -2 * Math.PI, 2 * Math.PI);
  },
  'compare:fill': (arg, at) => {
    const o = object(arg, at, ['slot', 'source']);
    slotNumber(o.slot, `${at}.slot`);
    compareSource(o.source, `${at}.source`);
  },
  'compare:clear': (arg, at) => {
    slotNumber(object(arg, at, ['slot']).slot, `${at}.slot`);
  },
  'compare:probe': (arg, at) => {
    const o = object(arg, at, [], ['factors', 'z']);
    if ((o.factors === undefined) === (o.z === undefined)) fail(`${at} must hold either factors or z`);
    if (o.z !== undefined) latentPair(o.z, `${at}.z`);
    else {
      const f = object(o.factors, `${at}.factors`, ['height', 'radius']);
      number(f.height, `${at}.factors.height`, 0, 1);
      number(f.radius, `${at}.factors.radius`, 0, 1);
    }
  },
  'ladder:start': (arg, at) => {
    const o = object(object(arg, at, ['ladder']).ladder, `${at}.ladder`, ['betas', 'seeds', 'epochs']);
    if (!Array.isArray(o.betas)) fail(`${at}.ladder.betas must be an array (got ${describe(o.betas)})`);
    if (o.betas.length < 1 || o.betas.length > LADDER_LIMITS.maxBetas)
      fail(`${at}.ladder.betas must hold 1 to ${LADDER_LIMITS.maxBetas} values`);
    const [lo, hi] = TRAIN_CONFIG_LIMITS.beta;
    o.betas.forEach((b, i) => number(b, `${at}.ladder.betas[${i}]`, lo, hi));
    if (new Set(o.betas).size !== o.betas.length) fail(`${at}.ladder.betas must not repeat a value`);
    integer(o.seeds, `${at}.ladder.seeds`, 1, LADDER_LIMITS.maxSeeds);
    integer(o.epochs, `${at}.ladder.epochs`, ...LADDER_LIMITS.epochs);
  },
  'ladder:stop': noArgument,
};

function slotNumber(arg: unknown, at: string): number {
  return integer(arg, at, 0, COMPARE_SLOTS - 1);
}

function compareSource(arg: unknown, at: string): void {
  const kind = object(arg, at, ['kind'], ['kind', 'id', 'bytes', 'fileName']).kind;
  if (kind === 'current') {
    object(arg, at, ['kind']);
  } else if (kind === 'bundled' || kind === 'recent' || kind === 'ladder') {
    const id = string(object(arg, at, ['kind', 'id']).id, `${at}.id`, API_LIMITS.maxModelIdChars);
    if (kind === 'bundled' && !isModelId(id)) fail(`${at}.id must contain only letters, digits, - and _`);
  } else if (kind === 'file') {
    const o = object(arg, at, ['kind', 'bytes', 'fileName']);
    bundleBytes(o.bytes, `${at}.bytes`);
    string(o.fileName, `${at}.fileName`, 255);
  } else {
    fail(`${at}.kind must be "bundled", "recent", "current", "ladder" or "file"`);
  }
}

function bundleBytes(arg: unknown, at: string): void {
  if (!(arg instanceof Uint8Array)) fail(`${at} must be a Uint8Array`);
  if (arg.length === 0) fail(`${at} is empty: the file has no content`);
  if (arg.length > API_LIMITS.maxBundleBytes) {
    fail(`${at} is too large (${arg.length} bytes; at most ${API_LIMITS.maxBundleBytes})`);
  }
}

/**
 * Checks a request before it is carried out. Returns the argument typed for `name`; throws an
 * `ApiRequestError` (code `invalid-argument`) naming the bad field and the accepted range.
 *
 * @example validateRequest('model:decode', { z: new Float32Array([0, 1]) }) // ok
 * @example validateRequest('model:decode', { z: [NaN, 1] })
 * // throws "model:decode.z must be a Float32Array (got an array)"
 */
export function validateRequest<K extends RequestName>(name: K, arg: unknown): RequestArg<K>;
export function validateRequest(name: unknown, arg: unknown): unknown;
export function validateRequest(name: unknown, arg: unknown): unknown {
  if (!isRequestName(name)) {
    const shown = typeof name === 'string' ? `"${name.slice(0, 60)}"` : typeof name;
    fail(`Unknown request ${shown}`);
  }
  VALIDATORS[name](arg, name);
  return arg;
}

/** Checks a whole training configuration (also used by the CLI). Throws `ApiRequestError`. */
export function validateTrainConfig(config: unknown, at = 'config'): TrainConfig {
  trainConfig(config, at);
  return config as TrainConfig;
}

function trainConfig(arg: unknown, at: string): asserts arg is TrainConfig {
  const keys = [...NUMERIC_CONFIG_FIELDS, 'imageSize', 'kind'];
  const o = object(arg, at, keys, keys);
  if (!IMAGE_SIZES.includes(o.imageSize as never))
    fail(`${at}.imageSize must be one of ${IMAGE_SIZES.join(', ')}`);
  if (o.kind !== 'ae' && o.kind !== 'vae') fail(`${at}.kind must be "ae" or "vae"`);
  for (const field of NUMERIC_CONFIG_FIELDS) {
    if (typeof o[field] !== 'number') fail(`${at}.${field} must be a number (got ${describe(o[field])})`);
  }
  const config = o as unknown as TrainConfig;
  const problems = configProblems(config);
  for (const field of NUMERIC_CONFIG_FIELDS) {
    const problem = problems[field];
    if (problem) fail(configMessage(`${at}.${field}`, problem, config[field]));
  }
}

/** Words a config problem for the contract: the field path, the rule and the value received. */
function configMessage(at: string, problem: ConfigProblem, value: number): string {
  switch (problem.kind) {
    case 'not-finite':
      return `${at} must be a finite number (got ${String(value)})`;
    case 'out-of-range':
      return `${at} must be between ${problem.min} and ${problem.max} (got ${value})`;
    case 'not-whole':
      return `${at} must be a whole number (got ${value})`;
    case 'batch-too-large':
      return `${at} (${value}) must not exceed the training images (${problem.trainCount})`;
  }
}

function imageRequest(arg: unknown, at: string): void {
  const o = object(arg, at, ['z', 'sizePx'], ['z', 'sizePx', 'factors']);
  latentPair(o.z, `${at}.z`);
  integer(o.sizePx, `${at}.sizePx`, ...API_LIMITS.imagePx);
  if (o.factors !== undefined) {
    const f = object(o.factors, `${at}.factors`, ['height', 'radius']);
    number(f.height, `${at}.factors.height`, 0, 1);
    number(f.radius, `${at}.factors.radius`, 0, 1);
  }
}

function gridRequest(arg: unknown, at: string): void {
  const o = object(arg, at, ['bounds', 'perSide', 'tilePx']);
  bounds(o.bounds, `${at}.bounds`);
  const perSide = integer(o.perSide, `${at}.perSide`, ...API_LIMITS.gridPerSide);
  const tilePx = integer(o.tilePx, `${at}.tilePx`, ...API_LIMITS.tilePx);
  if (perSide * tilePx > API_LIMITS.maxSheetPx) {
    fail(
      `${at}: the sheet would be ${perSide * tilePx} pixels wide; perSide × tilePx must be at most ${API_LIMITS.maxSheetPx}`,
    );
  }
}

const GALLERY_FIELDS = ['z', 'columns', 'tilePx', 'model', 'family', 'theta', 'seed', 'temperature'];

function galleryRequest(arg: unknown, at: string): void {
  const o = object(arg, at, GALLERY_FIELDS);
  const z = float32(o.z, `${at}.z`, API_LIMITS.maxAbsLatent, 2 * API_LIMITS.maxGalleryCount);
  if (z.length === 0 || z.length % 2 !== 0) fail(`${at}.z must hold a non-zero, even number of values`);
  const columns = integer(o.columns, `${at}.columns`, ...API_LIMITS.galleryColumns);
  const tilePx = integer(o.tilePx, `${at}.tilePx`, ...API_LIMITS.galleryTilePx);
  const rows = Math.ceil(z.length / 2 / columns);
  const longest = Math.max(columns, rows) * tilePx;
  if (longest > API_LIMITS.maxSheetPx) {
    fail(
      `${at}: the sheet would be ${longest} pixels on a side (${columns} columns × ${rows} rows of ${tilePx} px); at most ${API_LIMITS.maxSheetPx}`,
    );
  }
  string(o.model, `${at}.model`, API_LIMITS.maxTextChars);
  string(o.family, `${at}.family`, API_LIMITS.maxTextChars);
  text(o.theta, `${at}.theta`, API_LIMITS.maxTextChars);
  number(o.seed, `${at}.seed`, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  number(o.temperature, `${at}.temperature`, ...DENSITY_LIMITS.temperature);
}

function fileName(arg: unknown, at: string): void {
  const name = string(arg, at, 255);
  // Why: the name is joined to the dialog's folder; a separator would point it somewhere else.
  if (/[\\/]/.test(name)) fail(`${at} must be a file name, without / or \\`);
}

function filmstripRequest(arg: unknown, at: string): void {
  const o = object(arg, at, ['z', 'tilePx', 'title']);
  const z = float32(o.z, `${at}.z`, API_LIMITS.maxAbsLatent, 2 * API_LIMITS.maxFilmstripFrames);
  if (z.length < 4 || z.length % 2 !== 0)
    fail(`${at}.z must hold 2 to ${API_LIMITS.maxFilmstripFrames} points`);
  const tilePx = integer(o.tilePx, `${at}.tilePx`, ...API_LIMITS.tilePx);
  if ((z.length / 2) * tilePx > API_LIMITS.maxSheetPx)
    fail(
      `${at}: ${z.length / 2} frames of ${tilePx} px make a strip wider than ${API_LIMITS.maxSheetPx} px; use smaller frames`,
    );
  text(o.title, `${at}.title`, API_LIMITS.maxTextChars);
}

function bounds(arg: unknown, at: string): asserts arg is LatentBounds {
  const o = object(arg, at, ['min', 'max']);
  const min = latentPair(o.min, `${at}.min`);
  const max = latentPair(o.max, `${at}.max`);
  if (!(min[0] < max[0] && min[1] < max[1])) fail(`${at}.min must be below ${at}.max on both axes`);
}

function latentPair(arg: unknown, at: string): [number, number] {
  if (!Array.isArray(arg) || arg.length !== 2) fail(`${at} must be an array of two numbers`);
  const lim = API_LIMITS.maxAbsLatent;
  return [number(arg[0], `${at}[0]`, -lim, lim), number(arg[1], `${at}[1]`, -lim, lim)];
}

/** Some preferences: a language (or null), and lesson progress within PREFS_LIMITS. */
function prefsPatch(arg: unknown, at: string): void {
  const o = object(arg, at, [], ['locale', 'lessons']);
  if ('locale' in o && o.locale !== null && !isLocale(o.locale))
    fail(`${at}.locale must be one of ${LOCALES.join(', ')} or null`);
  if ('lessons' in o) {
    const lessons = o.lessons;
    if (typeof lessons !== 'object' || lessons === null || Array.isArray(lessons))
      fail(`${at}.lessons must be an object`);
    const entries = Object.entries(lessons as Record<string, unknown>);
    if (entries.length > PREFS_LIMITS.lessons)
      fail(`${at}.lessons holds more than ${PREFS_LIMITS.lessons} lessons`);
    for (const [id, steps] of entries) {
      if (!/^[a-z0-9-]+$/.test(id) || id.length > PREFS_LIMITS.lessonIdChars)
        fail(`${at}.lessons has a bad lesson id`);
      if (!Array.isArray(steps) || steps.length > PREFS_LIMITS.steps)
        fail(`${at}.lessons.${id} must be a list of at most ${PREFS_LIMITS.steps} step numbers`);
      steps.forEach((s, i) => integer(s, `${at}.lessons.${id}[${i}]`, 0, PREFS_LIMITS.steps - 1));
    }
  }
}

/** Save model's options: none, or `{ withTimeline: boolean }`. */
function modelExportRequest(arg: unknown, at: string): void {
  if (arg === undefined || arg === null) return;
  const o = object(arg, at, ['withTimeline']);
  if (typeof o.withTimeline !== 'boolean') fail(`${at}.withTimeline must be true or false`);
}

function noArgument(arg: unknown, at: string): void {
  if (arg !== undefined && arg !== null) fail(`${at} takes no argument`);
}

/** A plain object with every `required` key, and no key outside `allowed` (typos are errors). */
function object(arg: unknown, at: string, required: string[], allowed = required): Record<string, unknown> {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg) || ArrayBuffer.isView(arg)) {
    fail(`${at} must be an object`);
  }
  const o = arg as Record<string, unknown>;
  for (const key of required) if (o[key] === undefined) fail(`${at}.${key} is missing`);
  for (const key of Object.keys(o)) if (!allowed.includes(key)) fail(`${at}.${key} is not a known field`);
  return o;
}

function number(arg: unknown, at: string, min: number, max: number): number {
  if (typeof arg !== 'number') fail(`${at} must be a number (got ${describe(arg)})`);
  if (!Number.isFinite(arg)) fail(`${at} must be a finite number (got ${String(arg)})`);
  if (arg < min || arg > max) fail(`${at} must be between ${min} and ${max} (got ${arg})`);
  return arg;
}

function integer(arg: unknown, at: string, min: number, max: number): number {
  const n = number(arg, at, min, max);
  if (!Number.isInteger(n)) fail(`${at} must be a whole number (got ${n})`);
  return n;
}

function string(arg: unknown, at: string, maxLength: number): string {
  const s = text(arg, at, maxLength);
  if (s.length === 0) fail(`${at} must not be empty`);
  return s;
}

/** A string of at most `maxLength` characters, possibly empty. */
function text(arg: unknown, at: string, maxLength: number): string {
  if (typeof arg !== 'string') fail(`${at} must be a string (got ${describe(arg)})`);
  if (arg.length > maxLength) fail(`${at} is too long (at most ${maxLength} characters)`);
  return arg;
}

/** A Float32Array of at most `maxLength` finite values, each within ±`maxAbs` (when finite). */
function float32(arg: unknown, at: string, maxAbs: number, maxLength: number): Float32Array {
  if (!(arg instanceof Float32Array)) fail(`${at} must be a Float32Array (got ${describe(arg)})`);
  if (arg.length > maxLength) fail(`${at} is too large (${arg.length} values; at most ${maxLength})`);
  for (let i = 0; i < arg.length; i++) {
    const v = arg[i] as number;
    if (!Number.isFinite(v)) fail(`${at}[${i}] must be a finite number (got ${String(v)})`);
    if (Math.abs(v) > maxAbs) fail(`${at}[${i}] must be between ${-maxAbs} and ${maxAbs} (got ${v})`);
  }
  return arg;
}

function describe(arg: unknown): string {
  if (arg === null) return 'null';
  if (Array.isArray(arg)) return 'an array';
  if (ArrayBuffer.isView(arg)) return arg.constructor.name;
  return typeof arg;
}

function fail(message: string): never {
  throw new ApiRequestError('invalid-argument', message);
}
