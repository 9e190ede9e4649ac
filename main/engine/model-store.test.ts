import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_LIMITS } from '../../shared/api';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { initBackend } from './backend';
import { type Autoencoder, buildAutoencoder, decode, disposeModel, specOf } from './model';
import {
  FILES,
  fromStored,
  packBundle,
  readModelDir,
  type StoredModel,
  toStored,
  unpackBundle,
  writeModelDir,
} from './model-store';
import { type AtlasMeta, META_FORMAT, META_VERSION } from './model-meta';

const config = { ...DEFAULT_TRAIN_CONFIG, kind: 'vae' as const };
const meta: AtlasMeta = {
  format: META_FORMAT,
  version: META_VERSION,
  id: 'test',
  name: 'Test model',
  createdAt: '2026-01-01T00:00:00.000Z',
  config,
  hidden: [...specOf(config).hidden],
  metrics: null,
  latentBounds: null,
  datasetSeed: 1,
  epochsTrained: 3,
};
let root: string;
let model: Autoencoder;

beforeAll(async () => {
  await initBackend();
  root = await mkdtemp(join(tmpdir(), 'atlas-store-'));
  model = buildAutoencoder(specOf(config), 3);
});
afterAll(async () => {
  disposeModel(model);
  await rm(root, { recursive: true, force: true });
});

async function decodeGrid(m: Autoencoder): Promise<Float32Array> {
  const out = tf.tidy(() => decode(m, tf.tensor2d([0, 0, 1, -1, -2, 3], [3, 2])));
  const data = (await out.data()) as Float32Array;
  out.dispose();
  return data;
}

async function savedCopy(name: string): Promise<string> {
  const dir = join(root, name);
  await writeModelDir(dir, await toStored(model, meta));
  return dir;
}

describe('model store', () => {
  it('save → load round trip decodes identically and keeps the metadata', async () => {
    const dir = await savedCopy('round');
    expect((await readdir(dir)).sort()).toEqual([FILES.meta, FILES.model, FILES.weights].sort());
    const loaded = fromStored(await readModelDir(dir), dir);
    expect(Array.from(await decodeGrid(loaded.model))).toEqual(Array.from(await decodeGrid(model)));
    expect(loaded.meta).toEqual(meta);
    disposeModel(loaded.model);
  });

  it('writes a model.json that tf.loadLayersModel reads, with the same decoder output', async () => {
    const dir = await savedCopy('layers');
    const json = JSON.parse(await readFile(join(dir, FILES.model), 'utf8'));
    const weightData = new Uint8Array(await readFile(join(dir, FILES.weights))).buffer;
    const layersModel = await tfl.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0].weights,
        weightData,
      }),
    );
    expect(layersModel.outputs.map((o) => o.shape)).toEqual([
      [null, 1024],
      [null, 2],
      [null, 2],
    ]);
    const x = tf.randomUniform([2, 1024], 0, 1, 'float32', 5);
    const [recon] = layersModel.predict(x) as tf.Tensor[];
    const ours = tf.tidy(() => decode(model, (layersModel.predict(x) as tf.Tensor[])[1] as tf.Tensor2D));
    const diff = tf.max(tf.abs(tf.sub(recon!, ours))).dataSync()[0]!;
    expect(diff).toBeLessThan(1e-5);
    tf.dispose([x, ours]);
    layersModel.dispose();
  });

  it('replaces an existing directory atomically and leaves no temporary files', async () => {
    const dir = await savedCopy('again');
    await writeModelDir(dir, await toStored(model, { ...meta, name: 'Second' }));
    expect(JSON.parse(await readFile(join(dir, FILES.meta), 'utf8')).name).toBe('Second');
    expect((await readdir(root)).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
  });

  it('rejects a missing directory or file clearly', async () => {
    await expect(readModelDir(join(root, 'nowhere'))).rejects.toThrow(/model\.json is missing/);
    const dir = await savedCopy('nometa');
    await rm(join(dir, FILES.meta));
    await expect(readModelDir(dir)).rejects.toThrow(/atlas-meta\.json is missing/);
  });

  it('rejects truncated weights', async () => {
    const dir = await savedCopy('truncated');
    await truncate(join(dir, FILES.weights), 1000);
    const stored = await readModelDir(dir);
    const before = tf.memory().numTensors;
    expect(() => fromStored(stored, dir)).toThrow(/weights\.bin has 1000 bytes, expected \d+ \(truncated/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects truncated or foreign JSON', async () => {
    const dir = await savedCopy('foreign');
    const text = await readFile(join(dir, FILES.model), 'utf8');
    await writeFile(join(dir, FILES.model), text.slice(0, 100));
    await expect(readModelDir(dir)).rejects.toThrow(/model\.json is not valid JSON/);
    await writeFile(join(dir, FILES.model), text);
    await writeFile(join(dir, FILES.meta), JSON.stringify({ hello: 'world' }));
    await expect(readModelDir(dir).then((s) => fromStored(s, dir))).rejects.toThrow(
      /not a Latent Atlas model/,
    );
    await writeFile(join(dir, FILES.meta), JSON.stringify({ ...meta, version: 99 }));
    await expect(readModelDir(dir).then((s) => fromStored(s, dir))).rejects.toThrow(
      /version 99 is not supported/,
    );
    await writeFile(join(dir, FILES.meta), JSON.stringify({ ...meta, config: { ...config, kind: 'ae' } }));
    await expect(readModelDir(dir).then((s) => fromStored(s, dir))).rejects.toThrow(
      /does not match an autoencoder for 32 px images/,
    );
  });

  it('packs the largest model there is (a 64 px VAE) well within the bundle limit', async () => {
    const big = { ...config, imageSize: 64 as const };
    const largest = buildAutoencoder(specOf(big), 5);
    const bytes = packBundle(
      await toStored(largest, { ...meta, config: big, hidden: [...specOf(big).hidden] }),
    );
    disposeModel(largest);
    expect(bytes.length).toBeGreaterThan(5_000_000);
    // Room for a richer model file, while a padded 64 MB file is refused before it is parsed.
    expect(bytes.length * 2).toBeLessThan(API_LIMITS.maxBundleBytes);
    disposeModel(fromStored(unpackBundle(bytes)).model);
  });

  it('packs and unpacks a single-file bundle, and rejects foreign bytes', async () => {
    const bytes = packBundle(await toStored(model, meta));
    const loaded = fromStored(unpackBundle(bytes));
    expect(Array.from(await decodeGrid(loaded.model))).toEqual(Array.from(await decodeGrid(model)));
    disposeModel(loaded.model);
    expect(() => unpackBundle(new TextEncoder().encode('{"format":"something-else"}'))).toThrow(
      /not a Latent Atlas model bundle/,
    );
    expect(() => unpackBundle(bytes.slice(0, bytes.length / 2))).toThrow(/not valid JSON/);
  });

  it('rejects malformed weight manifests with a clear message, creating no tensors', async () => {
    const good = await toStored(model, meta);
    const entries = (good.modelJson['weightsManifest'] as { weights: Record<string, unknown>[] }[])[0]!
      .weights;
    const withManifest = (weightsManifest: unknown) => ({
      ...good,
      modelJson: { ...good.modelJson, weightsManifest },
    });
    const before = tf.memory().numTensors;
    const cases: [unknown, RegExp][] = [
      [withManifest([{ paths: [], weights: [null, ...entries] }]), /malformed weight entry \(#1\)/],
      [
        withManifest([{ paths: [], weights: entries.map((e, i) => (i === 2 ? { ...e, shape: 'big' } : e)) }]),
        /malformed weight entry \(#3\)/,
      ],
      [
        withManifest([
          { paths: [], weights: entries.map((e, i) => (i === 0 ? { ...e, shape: [-1, 5] } : e)) },
        ]),
        /malformed weight entry \(#1\)/,
      ],
      [withManifest([null]), /a weights manifest group without weights/],
      [{ ...good, modelJson: [] }, /model\.json is not a TensorFlow\.js layers model/],
    ];
    for (const [stored, message] of cases) expect(() => fromStored(stored as StoredModel)).toThrow(message);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects metadata whose fields have the wrong shape, and keeps only the known ones', async () => {
    const good = await toStored(model, meta);
    const withMeta = (patch: Record<string, unknown>) => ({
      ...good,
      meta: { ...meta, ...patch } as AtlasMeta,
    });
    expect(() => fromStored(withMeta({ metrics: 'great' }))).toThrow('model: "metrics" must be an object');
    const metrics = {
      valMse: 0.01,
      valNmse: 0.1,
      knnR2: { height: 0.9, radius: 0.8 },
      spearman: { z1: { height: 1, radius: 0 }, z2: { height: 0, radius: 1 } },
      latentBounds: { min: [0, 0], max: [1, 1] },
    };
    expect(() =>
      fromStored(withMeta({ metrics: { ...metrics, knnR2: { height: null, radius: 1 } } })),
    ).toThrow('"metrics.knnR2.height" must be a finite number');
    expect(() => fromStored(withMeta({ latentBounds: { min: [2, 0], max: [1, 1] } }))).toThrow(
      '"latentBounds" must be a box with min ≤ max',
    );
    expect(() => fromStored(withMeta({ epochsTrained: -3 }))).toThrow(
      '"epochsTrained" must be a whole number ≥ 0',
    );
    expect(() => fromStored(withMeta({ name: 7 }))).toThrow('"name" must be a string');
    expect(() => fromStored(withMeta({ hidden: [128, 32, 1, 1, 1, 1, 1] }))).toThrow(
      '"hidden" must be [128, 32], the layers this app builds',
    );
    const loaded = fromStored(withMeta({ metrics, junk: 'x'.repeat(1000) }));
    expect(loaded.meta.metrics).toEqual(metrics);
    expect(loaded.meta).not.toHaveProperty('junk');
    disposeModel(loaded.model);
  });

  it('refuses to read an oversized weights file', async () => {
    const dir = await savedCopy('huge');
    await truncate(join(dir, FILES.weights), 65 * 1024 * 1024); // sparse: no real disk use
    await expect(readModelDir(dir)).rejects.toThrow(
      /weights\.bin is too large to belong to a Latent Atlas model/,
    );
  });

  // Before: a link to /dev/zero was read until memory ran out, and a named pipe blocked the read
  // forever; a folder gave a raw EISDIR.
  it.runIf(process.platform !== 'win32')(
    'refuses a named pipe, a link to a device or a folder in place of a file, at once',
    async () => {
      const cases: [string, (path: string) => Promise<unknown>, RegExp][] = [
        [
          FILES.model,
          async (p) => execFileSync('mkfifo', [p]),
          /model\.json is a named pipe \(FIFO\), not a regular file/,
        ],
        [FILES.weights, (p) => symlink('/dev/zero', p), /weights\.bin is a device, not a regular file/],
        [FILES.meta, (p) => mkdir(p), /atlas-meta\.json is a folder, not a regular file/],
      ];
      for (const [file, replace, message] of cases) {
        const dir = await savedCopy(`special-${file}`);
        await rm(join(dir, file));
        await replace(join(dir, file));
        await expect(readModelDir(dir)).rejects.toThrow(message);
      }
    },
  );

  it('refuses an oversized or deeply nested model.json before parsing it', async () => {
    const dir = await savedCopy('bomb');
    await writeFile(join(dir, FILES.model), `${'['.repeat(100)}${']'.repeat(100)}`);
    await expect(readModelDir(dir)).rejects.toThrow(
      /model\.json is not a Latent Atlas model: it is nested more than 32 levels deep/,
    );
    await truncate(join(dir, FILES.model), 2 * 1024 * 1024);
    await expect(readModelDir(dir)).rejects.toThrow(
      /model\.json is too large to belong to a Latent Atlas model/,
    );
  });

  it('puts back a model a save killed between its two moves left aside, and removes the leftovers', async () => {
    const dir = await savedCopy('killed');
    const aside = join(root, '.killed.old-99999999-0badcafe');
    await writeModelDir(aside, await toStored(model, { ...meta, name: 'Aside' }));
    await rm(dir, { recursive: true });
    await mkdir(join(root, '.killed.tmp-99999999-0badcafe')); // the new model, half written
    const loaded = fromStored(await readModelDir(dir), dir);
    expect(loaded.meta.name).toBe('Aside');
    disposeModel(loaded.model);
    expect((await readdir(root)).filter((f) => f.startsWith('.killed.'))).toEqual([]);
  });

  it('refuses a bundle that declares layers this app does not build, before decoding its weights', async () => {
    // 70 KB asking for 50,000 images of 64 px (~800 MB generated on load): layers one unit wide.
    const tinyMeta = {
      ...meta,
      config: { ...config, imageSize: 64, datasetSize: 50_000, valFraction: 0.5 },
      hidden: [1],
    };
    const weightCount = 4096 * 1 + 1 + (1 * 2 + 2) * 2 + (2 * 1 + 1) + (1 * 4096 + 4096);
    const bundle = packBundle({
      ...(await toStored(model, meta)),
      meta: tinyMeta as AtlasMeta,
      weights: new Uint8Array(4 * weightCount),
    });
    expect(bundle.length).toBeLessThan(100_000);
    expect(() => unpackBundle(bundle)).toThrow(
      'bundle: "hidden" must be [128, 32], the layers this app builds',
    );
  });

  it('refuses a bundle whose weights do not fit its metadata, before decoding them', async () => {
    const bytes = packBundle({ ...(await toStored(model, meta)), weights: new Uint8Array(12) });
    expect(() => unpackBundle(bytes)).toThrow(
      /bundle: the weights hold 12 bytes, expected \d+ for a VAE for 32 px images/,
    );
  });

  it('refuses JSON bombs before parsing them', () => {
    const head = '{"format":"latent-atlas-bundle","modelJson":';
    const deep = new TextEncoder().encode(`${head}${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(() => unpackBundle(deep)).toThrow(
      'bundle is not a Latent Atlas model: it is nested more than 32 levels deep',
    );
    const wide = new TextEncoder().encode(`${head}[${'0,'.repeat(1_000_000)}0]}`);
    expect(() => unpackBundle(wide)).toThrow(
      'bundle is not a Latent Atlas model: it holds more than 100000 values',
    );
    // Brackets inside strings are text, not nesting.
    const quoted = new TextEncoder().encode(`{"format":"other","note":"${'[\\"'.repeat(1000)}"}`);
    expect(() => unpackBundle(quoted)).toThrow('not a Latent Atlas model bundle');
  });

  it('reads every bundled default model', async () => {
    const index = JSON.parse(await readFile('assets/models/index.json', 'utf8')) as { id: string }[];
    expect(index.length).toBeGreaterThan(0);
    for (const { id } of index) {
      const loaded = fromStored(await readModelDir(join('assets/models', id)), id);
      expect(loaded.meta.metrics?.knnR2.height).toBeGreaterThan(0.5);
      disposeModel(loaded.model);
    }
  });
});
