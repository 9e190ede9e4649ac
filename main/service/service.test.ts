import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ModelState } from '../../shared/api';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import type { Engine, EngineEvents } from '../engine/engine';
import { readTextChunks } from './png';
import { createService, type Dialogs, type ServiceOptions } from './service';

/** A fake engine: 32×32 "decoder" whose pixel value is the code's z1; records calls. */
function fakeEngine() {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let current: ModelState | null = null;
  let training = false;
  /** The image size of the next model loaded or imported. */
  let nextImageSize: ModelState['imageSize'] = 32;
  const state = (id: string, source: ModelState['info']['source']): ModelState => ({
    info: {
      id,
      name: `Model ${id}`,
      source,
      config: DEFAULT_TRAIN_CONFIG,
      metrics: null,
      createdAt: '2026-01-01',
      epochsTrained: 3,
    },
    points: { codes: new Float32Array(0), factors: new Float32Array(0), count: 0 },
    imageSize: nextImageSize,
  });
  const engine = {
    backend: 'wasm',
    current: vi.fn(async () => current),
    currentSummary: vi.fn(async () => current && { info: current.info, imageSize: current.imageSize }),
    train: vi.fn(async () => {
      training = true;
      return { runId: 'run-1' };
    }),
    pause: vi.fn(async () => {}),
    resume: vi.fn(async () => {}),
    stop: vi.fn(async () => {
      training = false;
    }),
    isTraining: () => training,
    encode: vi.fn(async (_images: Float32Array, count: number) => new Float32Array(2 * count)),
    decode: vi.fn(async (z: Float32Array) => {
      const pixels = (current?.imageSize ?? 0) ** 2;
      const out = new Float32Array((z.length / 2) * pixels);
      for (let i = 0; i < z.length / 2; i++) out.fill(z[2 * i]!, i * pixels, (i + 1) * pixels);
      return out;
    }),
    loadModelDir: vi.fn(
      async (_dir: string, source: 'bundled' | 'loaded', id?: string) =>
        (current = state(id ?? 'loaded', source)),
    ),
    saveModelDir: vi.fn(async () => {}),
    exportBundle: vi.fn(async () => new TextEncoder().encode('{"bundle":true}')),
    importBundle: vi.fn(async () => (current = state('imported', 'loaded'))),
    on<E extends keyof EngineEvents>(event: E, listener: (payload: EngineEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
    dispose: vi.fn(async () => {}),
    fire(event: keyof EngineEvents, payload: unknown) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    setNextImageSize(size: ModelState['imageSize']) {
      nextImageSize = size;
    },
  } satisfies Engine & Record<string, unknown>;
  return engine;
}

function bundledDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bundled-'));
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify([
      { id: 'aligned', name: 'Aligned', description: 'z follows height and radius' },
      { id: 'missing', name: 'Missing', description: 'no folder: left out' },
    ]),
  );
  mkdirSync(join(dir, 'aligned'));
  writeFileSync(join(dir, 'aligned', 'model.json'), '{}');
  return dir;
}

function setup(patch: Partial<ServiceOptions> = {}) {
  const engine = fakeEngine();
  const service = createService({
    engine,
    dialogs: null,
    mode: 'browser',
    version: '1.2.3',
    platform: 'linux',
    bundledModelsDir: null,
    ...patch,
  });
  return { engine, service };
}

describe('service', () => {
  it('loads the first bundled model at start, announces it, and lists only bundled models that exist', async () => {
    const { engine, service } = setup({ bundledModelsDir: bundledDir() });
    const changed = vi.fn();
    service.on(changed);
    const current = (await service.invoke('model:current', undefined)) as ModelState;
    expect(current.info).toMatchObject({ id: 'aligned', source: 'bundled' });
    expect(engine.loadModelDir).toHaveBeenCalledWith(expect.stringMatching(/aligned$/), 'bundled', 'aligned');
    expect(changed).toHaveBeenCalledWith('model:changed', current);
    expect(await service.invoke('model:bundled', undefined)).toEqual([
      { id: 'aligned', name: 'Aligned', description: 'z follows height and radius' },
    ]);
    await expect(service.invoke('model:use-bundled', { id: 'missing' })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });

  it('validates before anything happens: a bad payload never reaches the engine', async () => {
    const { engine, service } = setup();
    await expect(
      service.invoke('train:start', { config: { ...DEFAULT_TRAIN_CONFIG, epochs: -1 } }),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('epochs'),
    });
    await expect(service.invoke('model:decode', { z: new Float32Array([NaN, 0]) })).rejects.toThrow('finite');
    await expect(service.invoke('nope', undefined)).rejects.toThrow('Unknown request "nope"');
    expect(engine.train).not.toHaveBeenCalled();
    expect(engine.decode).not.toHaveBeenCalled();
  });

  it('answers no-model before a model exists, and decodes a grid in one engine call once one does', async () => {
    const { engine, service } = setup();
    await expect(service.invoke('model:decode', { z: new Float32Array([0, 0]) })).rejects.toMatchObject({
      code: 'no-model',
    });
    await service.invoke('model:import', { bytes: new Uint8Array([1]), fileName: 'x.atlas.json' });
    const grid = (await service.invoke('model:decode-grid', {
      bounds: { min: [0, 0], max: [1, 1] },
      perSide: 3,
    })) as {
      images: Float32Array;
      perSide: number;
      imageSize: number;
    };
    expect(engine.decode).toHaveBeenCalledTimes(1);
    expect(grid.perSide).toBe(3);
    expect(grid.images.length).toBe(9 * 1024);
    expect(grid.images[2 * 1024]).toBe(1); // top-right tile: z1 = max
  });

  it('sizes and labels decodes from the cached summary, never asking the engine for the whole model', async () => {
    const { engine, service } = setup();
    const importModel = () =>
      service.invoke('model:import', { bytes: new Uint8Array([1]), fileName: 'x.atlas.json' });
    await importModel();
    const one = (await service.invoke('model:decode', { z: new Float32Array([0.5, 0]) })) as {
      images: Float32Array;
      imageSize: number;
    };
    expect(one.imageSize).toBe(32);
    expect(one.images.length).toBe(32 * 32);
    await service.invoke('model:decode-grid', { bounds: { min: [0, 0], max: [1, 1] }, perSide: 2 });
    await service.invoke('image:png', { z: [0.25, -1], sizePx: 64 });
    await service.invoke('grid:png', { bounds: { min: [0, 0], max: [1, 1] }, perSide: 2, tilePx: 16 });
    await service.invoke('model:encode', { images: new Float32Array(2 * 32 * 32), count: 2 });
    expect(engine.current).not.toHaveBeenCalled();
    expect(engine.currentSummary).toHaveBeenCalledTimes(5);

    engine.setNextImageSize(64); // another model with another image size
    await importModel();
    const after = (await service.invoke('model:decode', { z: new Float32Array([0.5, 0]) })) as {
      images: Float32Array;
      imageSize: number;
    };
    expect(after.imageSize).toBe(64);
    expect(after.images.length).toBe(64 * 64);
    await expect(
      service.invoke('model:encode', { images: new Float32Array(2 * 32 * 32), count: 2 }),
    ).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('64²') });
    expect(engine.current).not.toHaveBeenCalled();
  });

  it('refuses desktop-only requests without dialogs, and saves through dialogs where there are some', async () => {
    const { service: browser } = setup();
    await expect(browser.invoke('model:save-dialog', undefined)).rejects.toMatchObject({
      code: 'not-available',
    });

    const dir = mkdtempSync(join(tmpdir(), 'atlas-save-'));
    const dialogs: Dialogs = {
      openModel: async () => null,
      saveFile: vi.fn(async () => join(dir, 'picked')),
    };
    const { service } = setup({ dialogs, mode: 'electron' });
    await service.invoke('model:import', { bytes: new Uint8Array([1]), fileName: 'x.atlas.json' });
    const saved = (await service.invoke('image:save-dialog', { z: [0.5, 0], sizePx: 64 })) as {
      saved: boolean;
      path: string;
    };
    expect(saved).toEqual({ saved: true, path: join(dir, 'picked.png') });
    expect(readTextChunks(readFileSync(saved.path))['latent-z']).toBe('0.5,0');
    expect(await service.invoke('model:open-dialog', undefined)).toBeNull();
  });

  it('writes the latent point, factors and model into the PNG text chunks', async () => {
    const { service } = setup();
    await service.invoke('model:import', { bytes: new Uint8Array([1]), fileName: 'x.atlas.json' });
    const blob = (await service.invoke('image:png', {
      z: [0.25, -1],
      sizePx: 128,
      factors: { height: 0.5, radius: 0.75 },
    })) as { fileName: string; mimeType: string; bytes: Uint8Array };
    expect(blob.mimeType).toBe('image/png');
    expect(blob.fileName).toBe('cylinder_z1_0.250_z2_-1.000.png');
    const text = readTextChunks(blob.bytes);
    expect(text).toMatchObject({
      'latent-z': '0.25,-1',
      factors: 'height=0.5,radius=0.75',
      Software: 'Latent Atlas 1.2.3',
    });
    expect(text.model).toContain('Model imported');
  });

  it('refuses to switch models while training, forwards engine events, and stops only a running run', async () => {
    const { engine, service } = setup();
    const events = vi.fn();
    service.on(events);
    await service.invoke('train:stop', undefined);
    expect(engine.stop).not.toHaveBeenCalled();
    expect(await service.invoke('train:start', { config: DEFAULT_TRAIN_CONFIG })).toEqual({ runId: 'run-1' });
    await expect(service.invoke('train:start', { config: DEFAULT_TRAIN_CONFIG })).rejects.toMatchObject({
      code: 'busy',
    });
    await expect(
      service.invoke('model:import', { bytes: new Uint8Array([1]), fileName: 'a' }),
    ).rejects.toMatchObject({
      code: 'busy',
    });
    engine.fire('progress', { runId: 'run-1', epoch: 1 });
    expect(events).toHaveBeenCalledWith('train:progress', { runId: 'run-1', epoch: 1 });
    await service.invoke('train:stop', undefined);
    expect(engine.stop).toHaveBeenCalledTimes(1);
    expect(await service.invoke('app:info', undefined)).toEqual({
      version: '1.2.3',
      mode: 'browser',
      backend: 'wasm',
      platform: 'linux',
    });
  });

  it('answers a clear error and writes nothing when the chosen folder cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-save-'));
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const target = join(dir, 'not-a-folder', 'picked');
    const dialogs: Dialogs = { openModel: async () => null, saveFile: async () => target };
    const { service } = setup({ dialogs, mode: 'electron' });
    await service.invoke('model:import', { bytes: new Uint8Array([1]), fileName: 'x.atlas.json' });
    const requests: [string, unknown, string][] = [
      ['image:save-dialog', { z: [0.5, 0], sizePx: 64 }, '.png'],
      ['grid:save-dialog', { bounds: { min: [0, 0], max: [1, 1] }, perSide: 2, tilePx: 16 }, '.png'],
      ['model:save-dialog', undefined, '.atlas.json'],
    ];
    for (const [name, arg, extension] of requests) {
      await expect(service.invoke(name, arg)).rejects.toMatchObject({
        code: 'failed',
        message: `Could not save ${target}${extension}: part of the path is a file, not a folder. Nothing was written; choose another folder.`,
      });
    }
    expect(readdirSync(dir)).toEqual(['not-a-folder']);
  });
});
