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
