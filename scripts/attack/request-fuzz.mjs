// Category 3b: every request name of shared/api.ts with arguments that break its contract (wrong
// types, NaN and ±Infinity, out-of-range and fractional counts, arrays past their limits, missing
// and extra keys), and names outside the contract. Each must get an error answer; valid requests
// interleaved (model:current, model:decode, app:info) must keep getting ok answers.
import { outcomeOf } from './api-client.mjs';
import { pick, randomInt, runPool } from './pool.mjs';

/** Requests in flight on the one connection: under the host's per-connection cap (32), so no 'busy'. */
const IN_FLIGHT = 16;
/** One valid control request after this many attacks. */
const CONTROL_EVERY = 20;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Field kinds: what a valid value is, so that `badValues` gives only values that are not. */
const int = (min, max) => ({ kind: 'int', min, max });
const num = (min, max) => ({ kind: 'num', min, max });
const f32 = (maxAbs, maxLength) => ({ kind: 'f32', maxAbs, maxLength });
const str = (max) => ({ kind: 'string', max });
const text = (max) => ({ kind: 'text', max });
const oneOf = (...values) => ({ kind: 'enum', values });
const PAIR = { kind: 'pair' };
const BOUNDS = { kind: 'bounds' };

const NO_ARGUMENT = [
  'app:info',
  'model:current',
  'model:bundled',
  'model:recent',
  'model:export',
  'train:pause',
  'train:resume',
  'train:stop',
  'model:open-dialog',
  'model:save-dialog',
];
/** Need the desktop's native dialogs: refused by the browser host even with a valid argument. */
const DESKTOP_ONLY = [
  'model:open-dialog',
  'model:save-dialog',
  'image:save-dialog',
  'grid:save-dialog',
  'gallery:save-dialog',
  'csv:save-dialog',
];

const bounds = { min: [-1, -1], max: [1, 1] };
const IMAGE = { z: [0, 0], sizePx: 64 };
const GRID = { bounds, perSide: 4, tilePx: 16 };
const GALLERY = {
  z: new Float32Array([0, 0, 1, 1]),
  columns: 2,
  tilePx: 32,
  model: 'm',
  family: 'gmm',
  theta: '',
  seed: 1,
  temperature: 1,
};
const CONFIG = {
  imageSize: 32,
  datasetSize: 400,
  valFraction: 0.2,
  seed: 1,
  kind: 'ae',
  epochs: 3,
  batchSize: 64,
  learningRate: 0.02,
  beta: 1,
  align: 0,
};
const CONFIG_FIELDS = {
  imageSize: oneOf(32, 64),
  kind: oneOf('ae', 'vae'),
  datasetSize: int(200, 50_000),
  valFraction: num(0.05, 0.5),
  seed: int(0, 2 ** 31 - 1),
  epochs: int(1, 500),
  batchSize: int(8, 1024),
  learningRate: num(1e-5, 0.1),
  beta: num(0, 10),
  align: num(0, 100),
};

/**
 * Requests with an object argument: a base argument and each field's kind. A case breaks exactly
 * one thing of the base, so it is invalid by construction. The bases never run as they are.
 */
const SCHEMAS = {
  'model:use-bundled': { base: { id: 'aligned' }, fields: { id: { kind: 'bundledId' } } },
  'model:use-recent': { base: { id: 'x' }, fields: { id: { kind: 'recentId' } } },
  'model:encode': {
    base: { images: new Float32Array(1024), count: 1 },
    fields: { images: { kind: 'images' }, count: int(1, 4096) },
  },
  'model:decode': { base: { z: new Float32Array([0, 0]) }, fields: { z: f32(1e4, 8192) } },
  'model:decode-grid': { base: { bounds, perSide: 4 }, fields: { bounds: BOUNDS, perSide: int(2, 32) } },
  'model:codes': { base: { split: 'val' }, fields: { split: oneOf('train', 'val') } },
  'model:import': {
    base: { bytes: new Uint8Array([1]), fileName: 'm.atlas.json' },
    fields: { bytes: { kind: 'u8' }, fileName: str(255) },
  },
  'image:png': {
    base: IMAGE,
    fields: { z: PAIR, sizePx: int(64, 1024), factors: { kind: 'factors' } },
    optional: ['factors'],
  },
  'grid:png': { base: GRID, fields: { bounds: BOUNDS, perSide: int(2, 32), tilePx: int(16, 256) } },
  'gallery:png': {
    base: GALLERY,
    fields: {
      z: f32(1e4, 2048),
      columns: int(1, 32),
      tilePx: int(32, 256),
      model: str(2000),
      family: str(2000),
      theta: text(2000),
      seed: num(-MAX_SAFE, MAX_SAFE),
      temperature: num(0.1, 3),
    },
  },
  'image:save-dialog': { base: IMAGE, fields: { z: PAIR, sizePx: int(64, 1024) } },
  'grid:save-dialog': { base: GRID, fields: { bounds: BOUNDS, perSide: int(2, 32), tilePx: int(16, 256) } },
  'gallery:save-dialog': { base: GALLERY, fields: { z: f32(1e4, 2048), columns: int(1, 32) } },
  'csv:save-dialog': {
    base: { suggestedName: 's.csv', text: 'a' },
    fields: { suggestedName: str(255), text: text(2 * 1024 * 1024) },
  },
  'train:start': { base: { config: CONFIG }, fields: { config: { kind: 'config' } } },
};

/** Values of wrong types: never valid for any field (each field kind adds its own). */
const WRONG_TYPES = () => [
  null,
  true,
  false,
  '',
  'x',
  [],
  {},
  [1, 2, 3],
  { $num: 'x' },
  new Uint8Array(2),
  Number.NaN,
];

/** Values that are not valid for a field of `spec`, each with a short description. */
function badValues(spec) {
  const nonFinite = [Number.NaN, Infinity, -Infinity];
  switch (spec.kind) {
    case 'int':
      return [
        spec.min - 1,
        spec.max + 1,
        spec.min + 0.5,
        spec.max - 0.25,
        -1e308,
        1e308,
        2 ** 53 + 2,
        String(spec.min),
        [spec.min],
        ...nonFinite,
        ...WRONG_TYPES(),
      ];
    case 'num': {
      const span = Math.max(1, spec.max - spec.min);
      return [
        spec.min - span,
        spec.max + span,
        -1e308,
        1e308,
        String(spec.min),
        [spec.max],
        ...nonFinite,
        ...WRONG_TYPES(),
      ];
    }
    case 'f32':
      return [
        new Float32Array(0),
        new Float32Array(3),
        new Float32Array([0, Number.NaN]),
        new Float32Array([Infinity, 0]),
        new Float32Array([0, -Infinity]),
        new Float32Array([spec.maxAbs * 2, 0]),
        new Float32Array(spec.maxLength + 2),
        new Float32Array(spec.maxLength + 1),
        [0, 0],
        [Number.NaN, 0],
        new Uint8Array(8),
        ...WRONG_TYPES(),
      ];
    case 'images':
      return [
        new Float32Array(1023),
        new Float32Array(1025),
        new Float32Array(0),
        new Float32Array(4096), // 64 px: the current model is 32 px
        Float32Array.from({ length: 1024 }, (_, i) => (i === 500 ? Number.NaN : 0)),
        Float32Array.from({ length: 1024 }, (_, i) => (i === 7 ? 2e4 : 0)),
        new Uint8Array(1024),
        ...WRONG_TYPES(),
      ];
    case 'pair':
      return [
        [0],
        [0, 0, 0],
        [Number.NaN, 0],
        [0, Infinity],
        [1e5, 0],
        ['0', 0],
        [null, 0],
        new Float32Array(2),
        { 0: 0, 1: 0 },
        ...WRONG_TYPES(),
      ];
    case 'bounds':
      return [
        { min: [1, -1], max: [0, 1] },
        { min: [0, 0], max: [0, 0] },
        { min: [-1, 1], max: [1, 1] },
        { min: [-1, -1] },
        { max: [1, 1] },
        { min: [-1, -1], max: [1, 1], extra: 1 },
        { min: [Number.NaN, -1], max: [1, 1] },
        { min: [-1, -1], max: [Infinity, 1] },
        { min: [-2e4, -1], max: [1, 1] },
        { min: [-1], max: [1, 1] },
        ...WRONG_TYPES(),
      ];
    case 'string':
      return ['', 'x'.repeat(spec.max + 1), 1, null, ['a'], {}, Number.NaN, new Uint8Array(1)];
    case 'text':
      return ['x'.repeat(spec.max + 1), 1, null, ['a'], {}, Number.NaN];
    case 'enum':
      return ['', 'TRAIN', 'test', 'gan', 16, 48, 33, ...nonFinite, ...WRONG_TYPES()].filter(
        (v) => !spec.values.includes(v),
      );
    case 'bundledId':
      return [
        '',
        'nonexistent',
        'ALIGNED',
        '../aligned',
        'a/b',
        '-x',
        '_x',
        'aligned\u0000',
        'x'.repeat(101),
        ' aligned',
        ...WRONG_TYPES(),
      ];
    case 'recentId':
      return [
        '',
        'nonexistent',
        'aligned',
        'bundled-aligned',
        'x'.repeat(201),
        '__proto__',
        'constructor',
        ...WRONG_TYPES(),
      ];
    case 'u8':
      return [new Uint8Array(0), new Float32Array(4), [1, 2, 3], 'bytes', ...WRONG_TYPES()];
    case 'factors':
      return [
        { height: 1.5, radius: 0 },
        { height: 0, radius: -0.1 },
        { height: Number.NaN, radius: 0 },
        { height: 0 },
        { height: 0, radius: 0, x: 1 },
        ...WRONG_TYPES(),
      ];
    case 'config':
      return badConfigs();
    default:
      throw new Error(`no bad values for ${spec.kind}`);
  }
}

function badConfigs() {
  const configs = [];
  for (const [field, spec] of Object.entries(CONFIG_FIELDS)) {
    for (const value of badValues(spec)) configs.push({ ...CONFIG, [field]: value });
    const { [field]: _missing, ...without } = CONFIG;
    configs.push(without);
  }
  configs.push({ ...CONFIG, datasetSize: 200, valFraction: 0.5, batchSize: 128 }); // a batch larger than the split
  configs.push({ ...CONFIG, extra: 1 });
  configs.push(...WRONG_TYPES());
  return configs;
}

/** Every systematic case: [name, arg, description]. */
function systematicCases() {
  const cases = [];
  const notObjects = [undefined, ...WRONG_TYPES(), 0, new Float32Array(2)];
  for (const name of NO_ARGUMENT) {
    for (const arg of [0, 1, ...WRONG_TYPES(), new Float32Array(1), { a: 1 }]) {
      if (arg === null) continue; // null means "no argument", as undefined does
      cases.push([name, arg, `${name} with an argument`]);
    }
    if (DESKTOP_ONLY.includes(name)) cases.push([name, undefined, `${name} (desktop only)`]);
  }
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    if (DESKTOP_ONLY.includes(name))
      cases.push([name, schema.base, `${name} (desktop only) with a valid argument`]);
    for (const arg of notObjects) cases.push([name, arg, `${name} with a non-object argument`]);
    for (const field of Object.keys(schema.fields)) {
      if (schema.optional?.includes(field)) continue;
      const { [field]: _missing, ...without } = schema.base;
      cases.push([name, without, `${name} without ${field}`]);
    }
    for (const extra of ['extra', '__proto__', 'constructor', 'toString', '$typed', '$num']) {
      cases.push([name, { ...schema.base, [extra]: 1 }, `${name} with extra key ${extra}`]);
    }
    for (const [field, spec] of Object.entries(schema.fields)) {
      for (const value of badValues(spec))
        cases.push([name, { ...schema.base, [field]: value }, `${name}.${field} = ${describe(value)}`]);
    }
  }
  // Sheets past the size limit although each field is in range.
  cases.push(['grid:png', { ...GRID, perSide: 32, tilePx: 256 }, 'grid:png of 8,192 px']);
  cases.push([
    'gallery:png',
    { ...GALLERY, z: new Float32Array(2048), columns: 1, tilePx: 256 },
    'gallery:png 1 column × 1,024 rows',
  ]);
  return cases;
}

/** Names outside the contract, including near misses and object prototype keys. */
function unknownNames(random) {
  const names = [
    '',
    ' ',
    'model:current ',
    'MODEL:CURRENT',
    'model:Current',
    'model:',
    ':current',
    'model:current\u0000',
    'model:current/../app:info',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'model:decode-grid-extra',
    'train:start\n',
    'x'.repeat(10_000),
    42,
    null,
    true,
    [],
    ['model:current'],
    { name: 'model:current' },
    new Uint8Array(3),
    Number.NaN,
  ];
  const alphabet = 'abcdefghijklmnopqrstuvwxyz:-_.\u00e9\u4e2d';
  for (let i = 0; i < 200; i++) {
    const length = randomInt(random, 1, 40);
    names.push(Array.from({ length }, () => pick(random, alphabet)).join(''));
  }
  return names.map((name) => ['(unknown)', undefined, `unknown name ${describe(name)}`, name]);
}

function describe(value) {
  if (value === undefined) return 'undefined';
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${value.length})`;
  const json = JSON.stringify(value);
  return (json ?? String(value)).slice(0, 60);
}

/**
 * Sends `total` invalid requests (the systematic ones, then random picks of them and of unknown
 * names) on `client`, with a valid control request after every CONTROL_EVERY.
 */
export async function requestFuzz(client, { random, tally, total }) {
  const systematic = systematicCases();
  const unknown = unknownNames(random);
  const cases = [...systematic, ...unknown];
  while (cases.length < total) cases.push(random() < 0.85 ? pick(random, systematic) : pick(random, unknown));
  const jobs = [];
  cases.forEach((c, i) => {
    jobs.push({ attack: c });
    if (i % CONTROL_EVERY === CONTROL_EVERY - 1) jobs.push({ control: controlRequest(random, i) });
  });
  let busy = 0;
  await runPool(jobs, IN_FLIGHT, async (job) => {
    if (job.control) {
      const { name, arg, check } = job.control;
      const answer = await client.request(name, arg);
      const good = answer.kind === 'ok' && check(answer.result);
      tally.accept(`control ${name}`, good ? 'accepted' : 'refused', answer.detail ?? answer.kind);
      return;
    }
    const [name, arg, label] = job.attack;
    // Unknown names carry the raw name (any JSON value) as a fourth element.
    const answer = await client.request(job.attack.length === 4 ? job.attack[3] : name, arg);
    if (answer.error?.code === 'busy') busy++;
    tally.refuse(
      label,
      outcomeOf(answer),
      answer.kind === 'ok' ? JSON.stringify(answer.result)?.slice(0, 200) : answer.detail,
    );
  });
  return { busy };
}

/** A valid request and a check of its answer. */
function controlRequest(random, i) {
  switch (i % 3) {
    case 0:
      return { name: 'model:current', arg: undefined, check: (r) => typeof r?.info?.id === 'string' };
    case 1: {
      const z = Float32Array.from({ length: 8 }, () => random() * 4 - 2);
      return {
        name: 'model:decode',
        arg: { z },
        check: (r) => r?.count === 4 && r.images?.length === 4 * r.imageSize ** 2,
      };
    }
    default:
      return { name: 'app:info', arg: undefined, check: (r) => r?.mode === 'browser' };
  }
}
