import { describe, expect, it } from 'vitest';
import type { TrainEpoch, TrainFinished } from '../../shared/api';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { EngineCore } from './engine-core';
import { type Snapshot, Timeline } from './timeline';
import type { WorkerEvents } from './worker-protocol';

const TINY = { ...DEFAULT_TRAIN_CONFIG, datasetSize: 200, epochs: 3, batchSize: 40 };

describe('the epoch timeline', () => {
  it('restores each epoch exactly: its codes, and weights that encode to them', async () => {
    const epochs: TrainEpoch[] = [];
    let finished: (f: TrainFinished) => void = () => undefined;
    const done = new Promise<TrainFinished>((r) => (finished = r));
    const core = new EngineCore(<E extends keyof WorkerEvents>(event: E, payload: WorkerEvents[E]) => {
      if (event === 'epoch') epochs.push(payload as TrainEpoch);
      if (event === 'finished') finished(payload as TrainFinished);
    });
    await core.init();
    await core.train(TINY, 'run-t');
    await done;
    const info = core.timelineInfo()!;
    expect(info.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(info.thinned).toBe(false);
    expect(info.bytes).toBeGreaterThan(0);

    const z = new Float32Array([0.2, -0.1, 1, 0.5]);
    const finalImages = await core.decode(z);
    const one = core.viewEpoch(1);
    expect(one.info.viewingEpoch).toBe(1);
    expect(one.info.epochsTrained).toBe(1);
    expect(Array.from(one.points.codes)).toEqual(Array.from(epochs[0]!.codes));
    // The restored weights give the epoch's codes again, and other images than the final ones.
    const val = await core.codes('val');
    for (let k = 0; k < val.codes.length; k++) expect(val.codes[k]).toBeCloseTo(epochs[0]!.codes[k]!, 5);
    expect(Array.from(await core.decode(z))).not.toEqual(Array.from(finalImages));
    // The last epoch is the final model; null goes back to it.
    core.viewEpoch(3);
    expect(Array.from(await core.decode(z))).toEqual(Array.from(finalImages));
    const back = core.viewEpoch(null);
    expect(back.info.viewingEpoch).toBeUndefined();
    expect(Array.from(await core.decode(z))).toEqual(Array.from(finalImages));

    expect(() => core.viewEpoch(9)).toThrow(/Epoch 9 was not kept/);
    core.viewEpoch(2);
    await expect(core.rotate(0.5)).rejects.toThrow(/final epoch/);
  }, 60_000);

  it('goes back to an epoch while the run trains on, follows the run again on null, and gives trails', async () => {
    const epochs: TrainEpoch[] = [];
    let finished: (f: TrainFinished) => void = () => undefined;
    const done = new Promise<TrainFinished>((r) => (finished = r));
    let pausedAt: (epoch: number) => void = () => undefined;
    const paused = new Promise<number>((r) => (pausedAt = r));
    const core: EngineCore = new EngineCore(
      <E extends keyof WorkerEvents>(event: E, payload: WorkerEvents[E]) => {
        if (event === 'epoch') {
          const e = payload as TrainEpoch;
          epochs.push(e);
          if (e.epoch === 2) {
            core.pause('run-d');
            pausedAt(e.epoch);
          }
        }
        if (event === 'finished') finished(payload as TrainFinished);
      },
    );
    await core.init();
    await core.train({ ...TINY, epochs: 4 }, 'run-d');
    await paused;
    expect(core.timelineInfo()!.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    // Paused at the end of epoch 2: its snapshot decodes exactly as the live model does.
    const z = new Float32Array([0.4, -0.3, -1.2, 0.8]);
    const liveImages = Array.from(await core.decode(z));
    core.viewEpoch(2);
    expect(Array.from(await core.decode(z))).toEqual(liveImages);
    const one = core.viewEpoch(1);
    expect(one.info.viewingEpoch).toBe(1);
    expect(core.current()!.info.viewingEpoch).toBe(1);
    // Trails: the codes of another kept epoch, in the map points' order.
    const trail = core.timelineCodes(2);
    expect(Array.from(trail.codes)).toEqual(Array.from(epochs[1]!.codes));
    expect(() => core.timelineCodes(3)).toThrow(/Epoch 3 was not kept/);
    // The run goes on; the view stays at epoch 1 while its epochs join the timeline.
    core.resume('run-d');
    while (epochs.length < 3) await new Promise((r) => setTimeout(r, 5));
    expect(core.current()!.info.viewingEpoch).toBe(1);
    expect(Array.from(core.current()!.points.codes)).toEqual(Array.from(epochs[0]!.codes));
    const live = core.viewEpoch(null);
    expect(live.info.viewingEpoch).toBeUndefined();
    expect(live.info.source).toBe('training');
    core.viewEpoch(2);
    // The end of the run shows its final model, not the epoch on view.
    const f = await done;
    expect(f.model.info.viewingEpoch).toBeUndefined();
    expect(core.current()!.info.viewingEpoch).toBeUndefined();
    expect(core.timelineInfo()!.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
  }, 60_000);

  it('thins older snapshots past its cap, keeping the first and the latest, and says so', () => {
    const snap = (epoch: number): Snapshot => ({
      epoch,
      weights: {
        spec: { imageSize: 32, kind: 'ae', hidden: [] },
        layers: [{ kernel: new Float32Array(250), bias: new Float32Array(0) }],
      },
      codes: new Float32Array(0),
      lossTrain: 1,
      lossVal: 1,
      metrics: {} as Snapshot['metrics'],
    });
    const t = new Timeline(4000); // room for 4 snapshots of 1,000 bytes
    for (let e = 1; e <= 9; e++) t.add(snap(e));
    const info = t.info();
    expect(info.thinned).toBe(true);
    expect(info.bytes).toBeLessThanOrEqual(4000);
    expect(info.epochs[0]!.epoch).toBe(1);
    expect(info.epochs.at(-1)!.epoch).toBe(9);
    expect(t.get(9)).toBeDefined();
  });
});

describe('a timeline saved with its model', () => {
  async function trained(epochs = 3) {
    let finished: () => void = () => undefined;
    const done = new Promise<void>((r) => (finished = () => r()));
    const core = new EngineCore(<E extends keyof WorkerEvents>(event: E) => {
      if (event === 'finished') finished();
    });
    await core.init();
    await core.train({ ...TINY, epochs }, 'run-s');
    await done;
    return core;
  }
  const decodeAt = async (core: EngineCore, epoch: number | null) => {
    core.viewEpoch(epoch);
    const images = await core.decode(new Float32Array([0.3, -0.2, -1, 0.4]));
    core.viewEpoch(null);
    return Array.from(images);
  };

  it('comes back when the file is opened: the same epochs, codes and decoded images', async () => {
    const core = await trained();
    const plain = await core.exportBundle();
    const bytes = await core.exportBundle({ withTimeline: true });
    const info = core.timelineInfo()!;
    // The size the UI announces is what the file grows by, within a few hundred bytes.
    expect(Math.abs(bytes.length - plain.length - info.savedBytes)).toBeLessThan(400);
    const atEpoch1 = await decodeAt(core, 1);

    const other = new EngineCore(() => undefined);
    await other.init();
    const state = await other.importBundle(bytes);
    expect(state.info.source).toBe('loaded');
    const reopened = other.timelineInfo()!;
    expect(reopened.epochs).toEqual(info.epochs);
    expect(reopened.bytes).toBe(info.bytes);
    expect(Array.from(other.viewEpoch(2).points.codes)).toEqual(Array.from(core.viewEpoch(2).points.codes));
    core.viewEpoch(null);
    expect(await decodeAt(other, 1)).toEqual(atEpoch1);
    // A file saved without it opens without a timeline.
    await other.importBundle(plain);
    expect(other.timelineInfo()).toBeNull();
  }, 60_000);

  it('is refused with a reason when it is damaged, and the current model stays', async () => {
    const core = await trained(2);
    const bundle = JSON.parse(new TextDecoder().decode(await core.exportBundle({ withTimeline: true }))) as {
      timeline: Record<string, unknown>;
    };
    const other = new EngineCore(() => undefined);
    await other.init();
    const kept = await other.importBundle(await core.exportBundle());
    const open = (patch: Record<string, unknown>) =>
      other.importBundle(
        new TextEncoder().encode(JSON.stringify({ ...bundle, timeline: { ...bundle.timeline, ...patch } })),
      );
    const weights = bundle.timeline['weightsBase64'] as string;
    const codes = bundle.timeline['codesBase64'] as string;
    const nan = Buffer.from(new Float32Array([NaN, NaN, NaN]).buffer).toString('base64'); // 12 bytes, 16 chars
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ version: 7 }, /timeline has version 7/],
      [{ epochs: [] }, /must list 1 to 500 epochs/],
      [{ epochs: [...(bundle.timeline['epochs'] as unknown[])].reverse() }, /epochs must rise/],
      [{ weightsBase64: weights.slice(0, -8) }, /bytes of weights, expected/],
      [{ codesBase64: nan + codes.slice(16) }, /codes that are not finite numbers/],
      [{ pointCount: 7 }, /bytes of codes, expected/],
      [{ epochs: [{ epoch: 1, lossTrain: 1, lossVal: 1, metrics: {} }, { epoch: 2 }] }, /metrics/],
    ];
    for (const [patch, why] of cases)
      await expect(open(patch), JSON.stringify(patch).slice(0, 60)).rejects.toThrow(why);
    expect(other.current()!.info.id).toBe(kept.info.id);
    expect(other.timelineInfo()).toBeNull();
  }, 60_000);

  it('is saved only from the trained model at its end', async () => {
    const core = await trained(2);
    core.viewEpoch(1);
    await expect(core.exportBundle({ withTimeline: true })).rejects.toThrow(/Go back to the trained model/);
    core.viewEpoch(null);
    const other = new EngineCore(() => undefined);
    await other.init();
    await other.importBundle(await core.exportBundle());
    await expect(other.exportBundle({ withTimeline: true })).rejects.toThrow(/no training timeline to save/);
  }, 60_000);
});
