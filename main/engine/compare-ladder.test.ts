import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LadderFinished, LadderPoint } from '../../shared/api';
import { renderCylinder } from '../../shared/cylinder';
import { EngineCore } from './engine-core';
import { encodeImages } from './evaluate';
import { fromStored, packBundle, readModelDir } from './model-store';
import type { WorkerEvents } from './worker-protocol';

const BUNDLED = resolve(__dirname, '../../assets/models');

/** An in-process core recording its events. */
async function core() {
  const sent: { event: keyof WorkerEvents; payload: unknown }[] = [];
  let wake: (() => void) | null = null;
  const engine = new EngineCore((event, payload) => {
    sent.push({ event, payload });
    wake?.();
  });
  await engine.init();
  const until = async (event: keyof WorkerEvents) => {
    for (;;) {
      const found = sent.find((s) => s.event === event);
      if (found) return found.payload;
      await new Promise<void>((r) => (wake = r));
    }
  };
  return { engine, sent, until };
}

describe('Compare slots', () => {
  it('hold models beside the current one and run the linked cursor through each', async () => {
    const { engine } = await core();
    const current = await engine.loadDir(`${BUNDLED}/aligned`, 'bundled', 'aligned');
    const a = await engine.compareFill(0, { dir: `${BUNDLED}/aligned`, id: 'aligned', source: 'bundled' });
    const b = await engine.compareFill(2, {
      dir: `${BUNDLED}/discovered`,
      id: 'discovered',
      source: 'bundled',
    });
    expect(a.info.id).toBe('aligned');
    expect(b.info.id).toBe('discovered');
    expect(b.points.count).toBe(current.points.count);
    expect(a.rate).toBeNull(); // autoencoders have no posterior
    expect(a.priorSamples).toBeNull(); // nor a prior to sample
    expect(b.info.metrics?.disentanglement).toBeDefined();
    // The current model is still the one loaded.
    expect(engine.current()?.info.id).toBe('aligned');

    const factors = { height: 0.7, radius: 0.3 };
    const probe = engine.compareProbe({ factors });
    expect(probe.map((p) => p.slot)).toEqual([0, 2]);
    // Slot 0's code of the true image is what the model itself encodes.
    const own = fromStored(await readModelDir(`${BUNDLED}/aligned`));
    const code = encodeImages(own.model, renderCylinder(factors, 32), 1);
    expect(probe[0]!.z[0]).toBeCloseTo(code[0]!, 5);
    expect(probe[0]!.z[1]).toBeCloseTo(code[1]!, 5);
    // Different models, different reconstructions; both look like a cylinder (not blank).
    const diff = probe[0]!.image.reduce((s, v, i) => s + Math.abs(v - probe[1]!.image[i]!), 0);
    expect(diff).toBeGreaterThan(0);
    const other = engine.compareProbe({ factors: { height: 0.2, radius: 0.8 } });
    expect(other[0]!.image).not.toEqual(probe[0]!.image);

    engine.compareClear(2);
    expect(engine.compareProbe({ z: [0, 0] }).map((p) => p.slot)).toEqual([0]);
  });

  it('load one slot at a time: a fill asked while another loads waits its turn, and both land', async () => {
    const { engine } = await core();
    // Bundle bytes reach the slots at once (no file to read first): the second surely finds the first loading.
    let order: number[] = [];
    const bytes = packBundle(await readModelDir(`${BUNDLED}/aligned`));
    const results = await Promise.all([
      engine.compareFill(0, { bytes, source: 'loaded' }).then((s) => (order = [...order, s.slot])),
      engine.compareFill(1, { bytes, source: 'loaded' }).then((s) => (order = [...order, s.slot])),
    ]);
    expect(results).toHaveLength(2);
    expect(order).toEqual([0, 1]);
    expect(engine.compareProbe({ z: [0, 0] })).toHaveLength(2);
  });

  it('keep what a slot held when a model file is bad, and say why', async () => {
    const { engine } = await core();
    await engine.compareFill(1, { dir: `${BUNDLED}/aligned`, id: 'aligned', source: 'bundled' });
    await expect(
      engine.compareFill(1, { bytes: new TextEncoder().encode('{"not":"a model"}'), source: 'loaded' }),
    ).rejects.toThrow(/bundle|model/i);
    expect(engine.compareProbe({ z: [0.1, 0.2] }).map((p) => p.slot)).toEqual([1]);
    await expect(engine.compareFill(1, { ladder: 'nope' })).rejects.toThrow(/ladder/);
  });
});

describe('the β ladder', () => {
  it('trains one VAE per β, and the rate falls as β rises (default seed)', async () => {
    const { engine, sent, until } = await core();
    engine.startLadder({ betas: [0.1, 1, 10], seeds: 1, epochs: 2 }, 'ladder-t');
    expect(() => engine.startLadder({ betas: [1], seeds: 1, epochs: 1 }, 'again')).toThrow(/already/);
    const finished = (await until('ladder-finished')) as LadderFinished;
    expect(finished).toMatchObject({ runId: 'ladder-t', stopped: false, count: 3 });
    const points = sent.filter((s) => s.event === 'ladder-point').map((s) => s.payload as LadderPoint);
    expect(points.map((p) => p.beta)).toEqual([0.1, 1, 10]);
    for (const p of points) {
      expect(Number.isFinite(p.rate) && Number.isFinite(p.nmse)).toBe(true);
      expect(p.metrics.disentanglement).toBeDefined();
    }
    expect(points[0]!.rate).toBeGreaterThan(points[1]!.rate);
    expect(points[1]!.rate).toBeGreaterThan(points[2]!.rate);
    // Distortion rises as the rate falls.
    expect(points[2]!.nmse).toBeGreaterThan(points[0]!.nmse);
    expect(sent.some((s) => s.event === 'ladder-progress')).toBe(true);
    // Each point opens in a slot, with the same rate.
    const slot = await engine.compareFill(3, { ladder: points[1]!.id });
    expect(slot.rate).toBeCloseTo(points[1]!.rate, 4);
    expect(slot.info.config.beta).toBe(1);
    // Its prior samples, judged against the true renderer: shares in [0, 1], some plausible.
    const { precision, recall, n } = slot.priorSamples!;
    expect(n).toBe(256);
    expect(precision).toBeGreaterThan(0);
    expect(precision).toBeLessThanOrEqual(1);
    expect(recall).toBeGreaterThan(0);
    expect(recall).toBeLessThanOrEqual(1);
  }, 60_000);

  it('stops when cancelled, keeping the models trained so far', async () => {
    const { engine, until } = await core();
    engine.startLadder({ betas: [1, 3, 10], seeds: 2, epochs: 2 }, 'ladder-c');
    await expect(engine.train({} as never, 'run-x')).rejects.toThrow(/ladder/);
    const first = (await until('ladder-point')) as LadderPoint;
    engine.stopLadder('ladder-c');
    const finished = (await until('ladder-finished')) as LadderFinished;
    expect(finished.stopped).toBe(true);
    expect(finished.count).toBeLessThan(6);
    expect(finished.count).toBeGreaterThanOrEqual(1);
    await expect(engine.compareFill(0, { ladder: first.id })).resolves.toMatchObject({ slot: 0 });
  }, 60_000);
});
