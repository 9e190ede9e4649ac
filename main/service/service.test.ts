import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ModelState } from '../../shared/api';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { bundledDir, setup } from './fake-engine.test-util';
import { readTextChunks } from './png';
import type { Dialogs } from './service';

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
    // The 5 requests, and the import asking what it replaces (to keep the user's own, recent-models.ts).
    expect(engine.currentSummary).toHaveBeenCalledTimes(6);

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
