import { describe, expect, it } from 'vitest';
import { API_LIMITS, REQUEST_NAMES } from './api';
import { DEFAULT_TRAIN_CONFIG } from './train-config';
import { ApiRequestError, toApiError, validateRequest } from './validate';

function rejects(name: unknown, arg: unknown): string {
  try {
    validateRequest(name, arg);
  } catch (err) {
    expect(err).toBeInstanceOf(ApiRequestError);
    expect((err as ApiRequestError).code).toBe('invalid-argument');
    return (err as Error).message;
  }
  throw new Error(`${String(name)} accepted ${JSON.stringify(arg)}`);
}

const config = (patch: Record<string, unknown>) => ({ config: { ...DEFAULT_TRAIN_CONFIG, ...patch } });
const bounds = { min: [-1, -2], max: [1, 2] };
const gallery = (patch: Record<string, unknown> = {}) => ({
  z: new Float32Array([0, 1, 2, 3]),
  columns: 8,
  tilePx: 64,
  model: 'Aligned (aligned, ae, 30 epochs)',
  family: 'Gaussian mixture',
  theta: 'k = 3',
  seed: 7,
  temperature: 1,
  ...patch,
});
const csv = { suggestedName: 'samples.csv', text: 'z1,z2\n0,1\n' };

describe('validateRequest', () => {
  it('accepts good payloads of every kind', () => {
    const good: Record<string, unknown> = {
      'model:use-bundled': { id: 'bundled-aligned' },
      'model:use-recent': { id: 'run-7' },
      'model:encode': { images: new Float32Array(2 * 32 * 32), count: 2 },
      'model:decode': { z: new Float32Array([0, 1, 2, 3]) },
      'model:decode-grid': { bounds, perSide: 8 },
      'model:import': { bytes: new Uint8Array([123, 125]), fileName: 'm.atlas.json' },
      'image:png': { z: [0.5, -1], sizePx: 256, factors: { height: 0.2, radius: 1 } },
      'image:save-dialog': { z: [0.5, -1], sizePx: 64 },
      'grid:png': { bounds, perSide: 2, tilePx: 16 },
      'grid:save-dialog': { bounds, perSide: 16, tilePx: 256 },
      'model:codes': { split: 'val' },
      'gallery:png': gallery({ theta: '' }),
      'gallery:save-dialog': gallery({ z: new Float32Array(2048), columns: 32, tilePx: 128 }),
      'csv:save-dialog': csv,
      'train:start': { config: DEFAULT_TRAIN_CONFIG },
      'compare:fill': { slot: 3, source: { kind: 'bundled', id: 'aligned' } },
      'compare:clear': { slot: 0 },
      'model:rotate': { angle: -Math.PI },
      'timeline:view': { epoch: 3 },
      'timeline:codes': { epoch: 1 },
      'prefs:set': { locale: 'zh-CN', lessons: { 'two-numbers': [0, 2] } },
      'filmstrip:png': { z: new Float32Array(8), tilePx: 64, title: 'Walk' },
      'filmstrip:save-dialog': { z: new Float32Array(128), tilePx: 64, title: '' },
      'export:save-dialog': { suggestedName: 'walk.gif', format: 'gif', bytes: new Uint8Array(10) },
      'compare:probe': { factors: { height: 0, radius: 1 } },
      'ladder:start': { ladder: { betas: [0, 0.1, 10], seeds: 5, epochs: 100 } },
    };
    for (const name of REQUEST_NAMES) expect(() => validateRequest(name, good[name])).not.toThrow();
  });

  it('checks preferences: a known language or null, and bounded lesson progress', () => {
    expect(() => validateRequest('prefs:set', { locale: null })).not.toThrow();
    expect(() => validateRequest('prefs:set', {})).not.toThrow();
    expect(rejects('prefs:set', { locale: 'fr' })).toContain('locale must be one of en, zh-CN or null');
    expect(rejects('prefs:set', { lessons: { 'Bad id!': [0] } })).toContain('bad lesson id');
    expect(rejects('prefs:set', { lessons: { a: Array.from({ length: 17 }, () => 0) } })).toContain(
      'at most 16 step numbers',
    );
    const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`l${i}`, [0]]));
    expect(rejects('prefs:set', { lessons: many })).toContain('more than 64 lessons');
  });

  it('checks Save model’s options and the timeline’s epochs', () => {
    expect(() => validateRequest('model:export', { withTimeline: true })).not.toThrow();
    expect(() => validateRequest('model:save-dialog', undefined)).not.toThrow();
    expect(rejects('model:export', { withTimeline: 'yes' })).toContain('withTimeline must be true or false');
    expect(rejects('model:save-dialog', { withTimeline: true, extra: 1 })).toContain('extra');
    expect(rejects('timeline:codes', { epoch: 0 })).toContain('epoch');
    expect(rejects('timeline:codes', undefined)).toContain('object');
  });

  it('checks Compare slots, their sources and the linked cursor', () => {
    const file = { kind: 'file', bytes: new Uint8Array([1]), fileName: 'm.atlas.json' };
    for (const source of [
      { kind: 'current' },
      { kind: 'recent', id: 'run 7' },
      { kind: 'ladder', id: 'l-1' },
      file,
    ])
      expect(() => validateRequest('compare:fill', { slot: 0, source })).not.toThrow();
    expect(rejects('compare:fill', { slot: 4, source: { kind: 'current' } })).toContain(
      'slot must be between 0 and 3',
    );
    expect(rejects('compare:fill', { slot: 0.5, source: { kind: 'current' } })).toContain('whole number');
    expect(rejects('compare:fill', { slot: 0, source: { kind: 'url', id: 'x' } })).toContain(
      'source.kind must be',
    );
    expect(rejects('compare:fill', { slot: 0, source: { kind: 'current', id: 'x' } })).toContain(
      'source.id is not a known field',
    );
    expect(rejects('compare:fill', { slot: 0, source: { kind: 'bundled', id: '../x' } })).toContain(
      'letters, digits',
    );
    expect(rejects('compare:fill', { slot: 0, source: { ...file, bytes: new Uint8Array(0) } })).toContain(
      'empty',
    );
    expect(
      rejects('compare:fill', {
        slot: 0,
        source: { ...file, bytes: new Uint8Array(API_LIMITS.maxBundleBytes + 1) },
      }),
    ).toContain('too large');
    expect(() => validateRequest('compare:probe', { z: [0.5, -2] })).not.toThrow();
    expect(rejects('compare:probe', {})).toContain('either factors or z');
    expect(rejects('compare:probe', { z: [0, 0], factors: { height: 0, radius: 0 } })).toContain('either');
    expect(rejects('compare:probe', { factors: { height: 2, radius: 0 } })).toContain('between 0 and 1');
    expect(rejects('compare:probe', { z: [NaN, 0] })).toContain('finite');
  });

  it('bounds the β ladder', () => {
    const ladder = (patch: object) => ({ ladder: { betas: [1], seeds: 1, epochs: 5, ...patch } });
    expect(rejects('ladder:start', ladder({ betas: [] }))).toContain('1 to 8 values');
    expect(rejects('ladder:start', ladder({ betas: new Array(9).fill(1) }))).toContain('1 to 8 values');
    expect(rejects('ladder:start', ladder({ betas: [11] }))).toContain('between 0 and 10');
    expect(rejects('ladder:start', ladder({ seeds: 6 }))).toContain('seeds must be between 1 and 5');
    expect(rejects('ladder:start', ladder({ epochs: 1e9 }))).toContain('epochs must be between 1 and 100');
    expect(rejects('ladder:start', ladder({ betas: 'all' }))).toContain('must be an array');
    expect(rejects('ladder:start', ladder({ betas: [1, 3, 1] }))).toContain('must not repeat');
  });

  it('refuses unknown request names', () => {
    expect(rejects('model:delete-everything', undefined)).toBe('Unknown request "model:delete-everything"');
    expect(rejects(42, undefined)).toBe('Unknown request number');
    expect(rejects('__proto__', undefined)).toContain('Unknown request');
  });

  it('refuses NaN and Infinity wherever numbers go', () => {
    expect(rejects('model:decode', { z: new Float32Array([0, NaN]) })).toBe(
      'model:decode.z[1] must be a finite number (got NaN)',
    );
    expect(rejects('image:png', { z: [Infinity, 0], sizePx: 64 })).toContain('z[0] must be a finite number');
    expect(rejects('train:start', config({ learningRate: NaN }))).toContain(
      'config.learningRate must be a finite number',
    );
    expect(
      rejects('model:encode', { images: new Float32Array([Infinity, ...new Array(1023).fill(0)]), count: 1 }),
    ).toContain('images[0] must be a finite number');
  });

  it('refuses wrong types with the field named', () => {
    expect(rejects('model:decode', { z: [0, 1] })).toBe(
      'model:decode.z must be a Float32Array (got an array)',
    );
    expect(rejects('model:decode', null)).toBe('model:decode must be an object');
    expect(rejects('train:start', config({ epochs: '10' }))).toBe(
      'train:start.config.epochs must be a number (got string)',
    );
    expect(rejects('train:start', config({ kind: 'gan' }))).toBe(
      'train:start.config.kind must be "ae" or "vae"',
    );
    expect(rejects('train:start', config({ imageSize: 48 }))).toContain('imageSize must be one of 32, 64');
    expect(rejects('model:import', { bytes: 'abc', fileName: 'x' })).toContain('bytes must be a Uint8Array');
    expect(rejects('app:info', { please: true })).toBe('app:info takes no argument');
  });

  it('refuses missing and unknown fields', () => {
    const { epochs: _epochs, ...noEpochs } = DEFAULT_TRAIN_CONFIG;
    expect(rejects('train:start', { config: noEpochs })).toBe('train:start.config.epochs is missing');
    expect(rejects('train:start', config({ epoch: 3 }))).toBe(
      'train:start.config.epoch is not a known field',
    );
  });

  it('refuses out-of-range configs and sizes', () => {
    expect(rejects('train:start', config({ epochs: 0 }))).toBe(
      'train:start.config.epochs must be between 1 and 500 (got 0)',
    );
    expect(rejects('train:start', config({ batchSize: 64.5 }))).toContain('must be a whole number');
    expect(rejects('train:start', config({ learningRate: 1 }))).toContain('between 0.00001 and 0.1');
    expect(rejects('train:start', config({ datasetSize: 200, batchSize: 1024 }))).toContain(
      'must not exceed the training images',
    );
    // 201 images, half held out: the dataset keeps 101 for validation, so 100 train.
    expect(rejects('train:start', config({ datasetSize: 201, valFraction: 0.5, batchSize: 101 }))).toBe(
      'train:start.config.batchSize (101) must not exceed the training images (100)',
    );
    expect(() =>
      validateRequest('train:start', config({ datasetSize: 201, valFraction: 0.5, batchSize: 100 })),
    ).not.toThrow();
    expect(rejects('model:decode-grid', { bounds, perSide: 33 })).toContain(
      'perSide must be between 2 and 32',
    );
    expect(rejects('image:png', { z: [0, 0], sizePx: 4096 })).toContain('sizePx must be between 64 and 1024');
    expect(rejects('image:png', { z: [0, 0], sizePx: 64, factors: { height: 2, radius: 0 } })).toContain(
      'factors.height',
    );
    expect(rejects('model:decode-grid', { bounds: { min: [1, 0], max: [0, 1] }, perSide: 4 })).toContain(
      'must be below',
    );
    expect(rejects('model:decode', { z: new Float32Array([1e6, 0]) })).toContain('between -10000 and 10000');
    expect(rejects('grid:png', { bounds, perSide: 32, tilePx: 256 })).toBe(
      'grid:png: the sheet would be 8192 pixels wide; perSide × tilePx must be at most 4096',
    );
  });

  it('refuses oversize arrays before looking at their values', () => {
    expect(rejects('model:decode', { z: new Float32Array(2 * 4096 + 2) })).toBe(
      'model:decode.z is too large (8194 values; at most 8192)',
    );
    expect(rejects('model:decode', { z: new Float32Array(3) })).toContain('even number');
    expect(rejects('model:encode', { images: new Float32Array(100), count: 1 })).toContain(
      'count × imageSize²',
    );
    expect(rejects('model:encode', { images: new Float32Array(32 * 32), count: 5000 })).toContain(
      'count must be between 1 and 4096',
    );
  });
});

describe('validateRequest, p_model requests', () => {
  it('accepts only the train and validation splits', () => {
    expect(rejects('model:codes', { split: 'test' })).toBe('model:codes.split must be "train" or "val"');
    expect(rejects('model:codes', { split: 1 })).toBe('model:codes.split must be "train" or "val"');
    expect(rejects('model:codes', {})).toBe('model:codes.split is missing');
  });

  it('refuses a gallery of too many points, odd values, NaN or an empty z', () => {
    expect(rejects('gallery:png', gallery({ z: new Float32Array(2 * 1024 + 2) }))).toBe(
      'gallery:png.z is too large (2050 values; at most 2048)',
    );
    expect(rejects('gallery:png', gallery({ z: new Float32Array(3) }))).toContain('even number');
    expect(rejects('gallery:png', gallery({ z: new Float32Array(0) }))).toContain('non-zero');
    expect(rejects('gallery:png', gallery({ z: new Float32Array([0, NaN]) }))).toBe(
      'gallery:png.z[1] must be a finite number (got NaN)',
    );
  });

  it('refuses columns, tile sizes and sheets out of range', () => {
    expect(rejects('gallery:png', gallery({ columns: 0 }))).toContain('columns must be between 1 and 32');
    expect(rejects('gallery:png', gallery({ columns: 33 }))).toContain('columns must be between 1 and 32');
    expect(rejects('gallery:png', gallery({ columns: 2.5 }))).toContain('columns must be a whole number');
    expect(rejects('gallery:png', gallery({ tilePx: 16 }))).toContain('tilePx must be between 32 and 256');
    expect(rejects('gallery:png', gallery({ tilePx: 300 }))).toContain('tilePx must be between 32 and 256');
    // 1,024 points in 4 columns: 256 rows of 32 px, 8,192 px tall.
    expect(rejects('gallery:png', gallery({ z: new Float32Array(2048), columns: 4, tilePx: 32 }))).toBe(
      'gallery:png: the sheet would be 8192 pixels on a side (4 columns × 256 rows of 32 px); at most 4096',
    );
  });

  it('refuses over-long or missing texts and a temperature out of range', () => {
    expect(rejects('gallery:png', gallery({ theta: 'x'.repeat(2001) }))).toBe(
      'gallery:png.theta is too long (at most 2000 characters)',
    );
    expect(rejects('gallery:png', gallery({ model: '' }))).toBe('gallery:png.model must not be empty');
    expect(rejects('gallery:png', gallery({ family: 3 }))).toContain('family must be a string');
    expect(rejects('gallery:png', gallery({ temperature: 0 }))).toContain(
      'temperature must be between 0.1 and 3',
    );
  });

  it('refuses CSV text over 2 MB and file names with a folder in them', () => {
    const big = 'x'.repeat(2 * 1024 * 1024 + 1);
    expect(rejects('csv:save-dialog', { ...csv, text: big })).toBe(
      'csv:save-dialog.text is too long (at most 2097152 characters)',
    );
    expect(rejects('csv:save-dialog', { ...csv, suggestedName: '../samples.csv' })).toContain(
      'must be a file name',
    );
    expect(rejects('csv:save-dialog', { ...csv, text: '' })).toBe('csv:save-dialog.text must not be empty');
  });

  it('saves a WebM only when its bytes are one, and no format it does not know', () => {
    const webm = (bytes: number[]) => ({
      suggestedName: 'walk.webm',
      format: 'webm',
      bytes: Uint8Array.from(bytes),
    });
    expect(() => validateRequest('export:save-dialog', webm([0x1a, 0x45, 0xdf, 0xa3, 0x9f]))).not.toThrow();
    expect(rejects('export:save-dialog', webm([0x47, 0x49, 0x46, 0x38]))).toContain('not a WebM file');
    expect(rejects('export:save-dialog', webm([0x1a, 0x45]))).toContain('not a WebM file');
    expect(
      rejects('export:save-dialog', { suggestedName: 'a.mp4', format: 'mp4', bytes: new Uint8Array(4) }),
    ).toContain('format must be "gif", "svg", "png", "webm", "md" or "json"');
  });
});

/** Every way of spoiling one number (or number array element) of a payload, at each path. */
function mutations(
  value: unknown,
  path: string[] = [],
): { path: string; payload: (root: unknown) => unknown }[] {
  const out: { path: string; payload: (root: unknown) => unknown }[] = [];
  const setAt = (root: unknown, keys: string[], v: unknown): unknown => {
    if (keys.length === 0) return v;
    const [head, ...rest] = keys as [string, ...string[]];
    const copy: Record<string, unknown> = Array.isArray(root)
      ? ([...root] as never)
      : { ...(root as object) };
    copy[head] = setAt((root as Record<string, unknown>)[head], rest, v);
    return copy;
  };
  if (typeof value === 'number') {
    for (const bad of [NaN, Infinity, -Infinity, 1e300, '1', null, true]) {
      out.push({ path: `${path.join('.')}=${String(bad)}`, payload: (root) => setAt(root, path, bad) });
    }
  } else if (value instanceof Float32Array) {
    for (const bad of [NaN, Infinity, 1e30]) {
      out.push({
        path: `${path.join('.')}[0]=${bad}`,
        payload: (root) =>
          setAt(
            root,
            path,
            Float32Array.from(value, (v, i) => (i === 0 ? bad : v)),
          ),
      });
    }
  } else if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [key, child] of Object.entries(value)) out.push(...mutations(child, [...path, key]));
  }
  return out;
}

describe('validateRequest, exhaustively', () => {
  const good: Record<string, unknown> = {
    'model:use-bundled': { id: 'bundled-aligned' },
    'model:use-recent': { id: 'run-7' },
    'model:encode': { images: new Float32Array(32 * 32), count: 1 },
    'model:decode': { z: new Float32Array([0, 1]) },
    'model:decode-grid': { bounds, perSide: 8 },
    'model:import': { bytes: new Uint8Array([123, 125]), fileName: 'm.atlas.json' },
    'image:png': { z: [0.5, -1], sizePx: 256, factors: { height: 0.2, radius: 1 } },
    'image:save-dialog': { z: [0.5, -1], sizePx: 64 },
    'grid:png': { bounds, perSide: 2, tilePx: 16 },
    'grid:save-dialog': { bounds, perSide: 4, tilePx: 64 },
    'model:codes': { split: 'train' },
    'gallery:png': gallery(),
    'gallery:save-dialog': gallery(),
    'csv:save-dialog': csv,
    'train:start': { config: DEFAULT_TRAIN_CONFIG },
    'prefs:set': { locale: 'en', lessons: { 'two-numbers': [0, 2] } },
  };

  it('refuses, for every request, a payload of the wrong type or with an extra field', () => {
    for (const name of REQUEST_NAMES) {
      const arg = good[name];
      if (arg === undefined) {
        for (const bad of [0, 'x', {}, [], NaN]) rejects(name, bad);
        continue;
      }
      for (const bad of [undefined, null, 'x', 42, NaN, [], [arg], new Float32Array(2)]) rejects(name, bad);
      expect(rejects(name, { ...(arg as object), extra: 1 })).toContain('extra is not a known field');
    }
  });

  it('refuses, for every request, NaN, Infinity, absurd values and wrong types in each numeric field', () => {
    let checked = 0;
    for (const [name, arg] of Object.entries(good)) {
      for (const m of mutations(arg)) {
        const payload = m.payload(arg);
        expect(() => validateRequest(name, payload), `${name} ${m.path}`).toThrow(ApiRequestError);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('toApiError', () => {
  it('keeps codes of request errors and wraps anything else as failed', () => {
    expect(toApiError(new ApiRequestError('busy', 'Stop first.'))).toEqual({
      code: 'busy',
      message: 'Stop first.',
    });
    expect(toApiError(new Error('disk full'))).toEqual({ code: 'failed', message: 'disk full' });
    expect(toApiError('odd')).toEqual({ code: 'failed', message: 'odd' });
  });
});
