import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineCore } from './engine-core';

const BUNDLED = resolve(__dirname, '../../assets/models');

describe('EngineCore.rotate', () => {
  it('never answers for a model replaced while it turned: the new model stays, unturned', async () => {
    const core = new EngineCore(() => undefined);
    await core.init();
    await core.loadDir(`${BUNDLED}/aligned`, 'bundled', 'aligned');
    const turning = core.rotate(0.5);
    const opening = core.loadDir(`${BUNDLED}/discovered`, 'bundled', 'discovered');
    const [turned] = await Promise.allSettled([turning, opening]);
    const now = core.current()!;
    expect(now.info.id).toBe('discovered');
    expect(now.info.rotation).toBeUndefined();
    // If the turn answered at all, it answered before the other model came, with its own model.
    if (turned.status === 'fulfilled') expect(turned.value.info.id).toBe('aligned');
    // And a second turn while one is scored is refused, not interleaved.
    const a = core.rotate(0.2);
    await expect(core.rotate(0.3)).rejects.toThrow(/still turning/);
    await a;
  });

  it('turns the codes, keeps every decoded image, NMSE and kNN R², and changes the axis scores', async () => {
    const core = new EngineCore(() => undefined);
    await core.init();
    const before = await core.loadDir(`${BUNDLED}/aligned`, 'bundled', 'aligned');
    const z = new Float32Array([0.3, 0.6, -0.2, 0.9]);
    const images = await core.decode(z);
    const theta = Math.PI / 4;
    const after = await core.rotate(theta);
    expect(after.info.rotation).toBe(theta);
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    const turned = new Float32Array([
      c * 0.3 - s * 0.6,
      s * 0.3 + c * 0.6,
      c * -0.2 - s * 0.9,
      s * -0.2 + c * 0.9,
    ]);
    const same = await core.decode(turned);
    let worst = 0;
    for (let k = 0; k < images.length; k++) worst = Math.max(worst, Math.abs(same[k]! - images[k]!));
    expect(worst).toBeLessThan(1e-5);
    const [m0, m1] = [before.info.metrics!, after.info.metrics!];
    expect(m1.valNmse).toBeCloseTo(m0.valNmse, 5);
    expect(m1.knnR2.height).toBeCloseTo(m0.knnR2.height, 2);
    expect(m1.knnR2.radius).toBeCloseTo(m0.knnR2.radius, 2);
    // The aligned model's axes are height and radius: turned 45°, MIG and SAP fall.
    expect(m1.disentanglement!.mig).toBeLessThan(m0.disentanglement!.mig - 0.3);
    expect(m1.disentanglement!.sap).toBeLessThan(m0.disentanglement!.sap - 0.3);
    // The points turned too.
    const p0 = before.points.codes;
    const p1 = after.points.codes;
    expect(p1[0]).toBeCloseTo(c * p0[0]! - s * p0[1]!, 4);
    // Back to 0: the model it was.
    const back = await core.rotate(0);
    expect(back.points.codes[1]).toBeCloseTo(p0[1]!, 4);
    expect(back.info.rotation).toBeUndefined();
    expect(back.info.metrics!.disentanglement!.mig).toBeCloseTo(m0.disentanglement!.mig, 3);
  });
});
