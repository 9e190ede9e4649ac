// Issue 13's promise on a real model: on the aligned bundled model, moving along "taller" makes
// the decoded cylinder taller, step by step, and leaves its radius alone (judged against the true
// renderer).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quartileVector, stepAlong } from '../../shared/attribute-vectors';
import { createJudgeBank, judgeImages } from '../../shared/judge';
import { spearman } from '../../shared/stats';
import { EngineCore } from './engine-core';

const BUNDLED = resolve(__dirname, '../../assets/models');

describe('the Taller vector on the aligned bundled model', () => {
  it('raises the judged height monotonically while the judged radius stays within ±0.05', async () => {
    const core = new EngineCore(() => undefined);
    await core.init();
    await core.loadDir(`${BUNDLED}/aligned`, 'bundled', 'aligned');
    const train = await core.codes('train');
    const taller = quartileVector(train.codes, train.factors, 0)!;
    // Start from the code of the training cylinder nearest to height 0.5, radius 0.5.
    let best = 0;
    for (let k = 0; k < train.count; k++) {
      const d = (f: number) => (train.factors[2 * f]! - 0.5) ** 2 + (train.factors[2 * f + 1]! - 0.5) ** 2;
      if (d(k) < d(best)) best = k;
    }
    const start: [number, number] = [train.codes[2 * best]!, train.codes[2 * best + 1]!];
    const amounts = Array.from({ length: 13 }, (_, i) => -0.3 + (0.6 * i) / 12);
    const z = new Float32Array(amounts.flatMap((s) => stepAlong(start, taller, s)));
    const images = await core.decode(z);
    const judged = judgeImages(createJudgeBank(32), images, amounts.length);
    const heights = judged.map((j) => j.height);
    const radii = judged.map((j) => j.radius);
    expect(spearman(amounts, heights)).toBeGreaterThanOrEqual(0.95);
    const r0 = radii[6]!;
    for (const r of radii) expect(Math.abs(r - r0)).toBeLessThanOrEqual(0.05);
  });
});
