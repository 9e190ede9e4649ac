import { describe, expect, it } from 'vitest';
import type { ModelInfo, ModelState, RecentModel } from '../../shared/api';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { bundledDir, setup } from './fake-engine.test-util';
import { RecentModels } from './recent-models';

const entry = (id: string): RecentModel => ({
  id,
  name: `Model ${id}`,
  source: 'trained',
  createdAt: '2026-01-01',
  epochsTrained: 3,
});

describe('RecentModels', () => {
  it('keeps the most recently used first, bounded in count and in bytes', () => {
    const recent = new RecentModels({ count: 3, bytes: 100 });
    for (const id of ['a', 'b', 'c', 'd']) recent.add(entry(id), new Uint8Array(10));
    expect(recent.list().map((m) => m.id)).toEqual(['d', 'c', 'b']);
    expect(recent.touch('b')).toBe(true);
    expect(recent.touch('a')).toBe(false);
    expect(recent.list().map((m) => m.id)).toEqual(['b', 'd', 'c']);
    recent.add(entry('d'), new Uint8Array(10)); // again: moved first, not doubled
    expect(recent.list().map((m) => m.id)).toEqual(['d', 'b', 'c']);
    recent.add(entry('big'), new Uint8Array(85)); // 85 + 10 fits, + 10 more does not
    expect(recent.list().map((m) => m.id)).toEqual(['big', 'd']);
  });
});

/** A service over the fake engine, whose bundles carry the model's info so import brings it back. */
function serviceWithModels() {
  const { engine, service } = setup({ bundledModelsDir: bundledDir() });
  let current: ModelState | null = null;
  const state = (info: Partial<ModelInfo> & { id: string }): ModelState => ({
    info: {
      name: `Model ${info.id}`,
      source: 'trained',
      config: DEFAULT_TRAIN_CONFIG,
      metrics: null,
      createdAt: '2026-01-01',
      epochsTrained: 3,
      ...info,
    },
    points: { codes: new Float32Array(0), factors: new Float32Array(0), count: 0 },
    imageSize: 32,
  });
  const show = (next: ModelState) => (current = next);
  engine.current.mockImplementation(async () => current);
  engine.currentSummary.mockImplementation(async () => current && { info: current.info, imageSize: 32 });
  engine.loadModelDir.mockImplementation(async (_dir, source, id) => show(state({ id: id!, source })));
  engine.exportBundle.mockImplementation(async () => new TextEncoder().encode(JSON.stringify(current!.info)));
  engine.importBundle.mockImplementation(async (bytes: Uint8Array, source: 'trained' | 'loaded' = 'loaded') =>
    show(state({ ...(JSON.parse(new TextDecoder().decode(bytes)) as ModelInfo), source })),
  );
  return { engine, service, show: (info: Partial<ModelInfo> & { id: string }) => show(state(info)) };
}

describe('service: Recent (the user’s own models of this session)', () => {
  it('keeps a trained model when a bundled one replaces it, and switches back to it as trained', async () => {
    const { engine, service, show } = serviceWithModels();
    await service.ready;
    expect(await service.invoke('model:recent', undefined)).toEqual([]); // the bundled one is not kept
    show({ id: 'run-1', name: 'Trained AE (λ = 0)' });
    await service.invoke('model:use-bundled', { id: 'aligned' });
    expect(await service.invoke('model:recent', undefined)).toEqual([
      {
        id: 'run-1',
        name: 'Trained AE (λ = 0)',
        source: 'trained',
        createdAt: '2026-01-01',
        epochsTrained: 3,
      },
    ]);
    const back = (await service.invoke('model:use-recent', { id: 'run-1' })) as ModelState;
    expect(back.info).toMatchObject({ id: 'run-1', source: 'trained' });
    expect(engine.importBundle).toHaveBeenLastCalledWith(expect.any(Uint8Array), 'trained');
    // Switching away again copies nothing: the kept bytes are still those of this model.
    const exports = engine.exportBundle.mock.calls.length;
    await service.invoke('model:use-bundled', { id: 'aligned' });
    expect(engine.exportBundle.mock.calls.length).toBe(exports);
  });

  it('keeps the current model before opening a file or training a new one', async () => {
    const { service, show } = serviceWithModels();
    await service.ready;
    show({ id: 'opened-1', source: 'loaded' });
    await service.invoke('model:import', {
      bytes: new TextEncoder().encode(JSON.stringify({ id: 'opened-2' })),
      fileName: 'two.atlas.json',
    });
    await service.invoke('train:start', { config: DEFAULT_TRAIN_CONFIG });
    const ids = ((await service.invoke('model:recent', undefined)) as RecentModel[]).map((m) => m.id);
    expect(ids).toEqual(['opened-2', 'opened-1']);
  });

  it('refuses a model it no longer keeps, and changes nothing when the current one cannot be kept', async () => {
    const { engine, service, show } = serviceWithModels();
    await service.ready;
    await expect(service.invoke('model:use-recent', { id: 'gone' })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('no longer kept'),
    });
    show({ id: 'run-2' });
    engine.exportBundle.mockRejectedValueOnce(new Error('worker busy'));
    const loads = engine.loadModelDir.mock.calls.length;
    await expect(service.invoke('model:use-bundled', { id: 'aligned' })).rejects.toThrow(
      'Could not keep "Model run-2" under Recent (worker busy); nothing was changed.',
    );
    expect(engine.loadModelDir.mock.calls.length).toBe(loads);
    expect(((await service.invoke('model:current', undefined)) as ModelState).info.id).toBe('run-2');
  });
});
