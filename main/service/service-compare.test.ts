import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { bundledDir, setup } from './fake-engine.test-util';

describe('service: Compare and the β ladder', () => {
  it('fills a slot from a bundled model by its folder, and refuses unknown ids', async () => {
    const dir = bundledDir();
    const { engine, service } = setup({ bundledModelsDir: dir });
    await service.invoke('compare:fill', { slot: 2, source: { kind: 'bundled', id: 'aligned' } });
    expect(engine.compareFill).toHaveBeenCalledWith(2, {
      dir: join(dir, 'aligned'),
      id: 'aligned',
      source: 'bundled',
    });
    await expect(
      service.invoke('compare:fill', { slot: 0, source: { kind: 'bundled', id: 'missing' } }),
    ).rejects.toMatchObject({ code: 'invalid-argument', message: 'No bundled model "missing".' });
  });

  it('says which slot failed and why, and refuses a recent model no longer kept', async () => {
    const { engine, service } = setup();
    engine.compareFill.mockRejectedValueOnce(new Error('bundle: weights are corrupt'));
    const bytes = new Uint8Array([1, 2, 3]);
    await expect(
      service.invoke('compare:fill', { slot: 1, source: { kind: 'file', bytes, fileName: 'x.atlas.json' } }),
    ).rejects.toMatchObject({ code: 'failed', message: 'Slot 2: bundle: weights are corrupt' });
    await expect(
      service.invoke('compare:fill', { slot: 1, source: { kind: 'recent', id: 'gone' } }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
  });

  it('keeps training and the ladder apart', async () => {
    const { service } = setup();
    const ladder = { betas: [1, 3], seeds: 1, epochs: 2 };
    await service.invoke('ladder:start', { ladder });
    await expect(service.invoke('train:start', { config: DEFAULT_TRAIN_CONFIG })).rejects.toMatchObject({
      code: 'busy',
    });
    await expect(service.invoke('ladder:start', { ladder })).rejects.toMatchObject({ code: 'busy' });
    await service.invoke('ladder:stop', undefined);
    await service.invoke('train:start', { config: DEFAULT_TRAIN_CONFIG });
    await expect(service.invoke('ladder:start', { ladder })).rejects.toMatchObject({ code: 'busy' });
    // The model in training is not a model to compare yet.
    await expect(
      service.invoke('compare:fill', { slot: 0, source: { kind: 'current' } }),
    ).rejects.toMatchObject({ code: 'busy' });
  });

  it('forwards the ladder events and the linked cursor', async () => {
    const { engine, service } = setup();
    const seen: string[] = [];
    service.on((name) => seen.push(name));
    engine.fire('ladder-progress', { runId: 'l' });
    engine.fire('ladder-point', { runId: 'l' });
    engine.fire('ladder-finished', { runId: 'l' });
    engine.fire('ladder-failed', { runId: 'l' });
    expect(seen).toEqual(['ladder:progress', 'ladder:point', 'ladder:finished', 'ladder:failed']);
    const payloads: unknown[] = [];
    service.on((_name, payload) => payloads.push(payload));
    engine.fire('ladder-point', { runId: 'l', beta: 3, rate: 1.5 });
    engine.fire('compare-reset', { reason: 'The engine restarted' });
    expect(payloads).toEqual([{ runId: 'l', beta: 3, rate: 1.5 }, { reason: 'The engine restarted' }]);
    await service.invoke('compare:fill', { slot: 0, source: { kind: 'current' } });
    const probe = await service.invoke('compare:probe', { z: [0.5, 1] });
    expect(probe).toMatchObject([{ slot: 0, z: [0.5, 1] }]);
  });
});
