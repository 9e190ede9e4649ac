// The plausibility threshold from the engine's reconstruction errors (ModelCodes.reconMse) is the
// judge's own definition: the 95th percentile of residualNmse(reconstruction, true render).
import { describe, expect, it } from 'vitest';
import { renderCylinder } from '../../shared/cylinder';
import { createJudgeBank, plausibilityThreshold, residualNmse } from '../../shared/judge';
import { createRng } from '../../shared/random';
import { runCompute } from './generate-compute';

describe("the 'threshold' computation", () => {
  it('equals the percentile of residualNmse over the same reconstructions', () => {
    const rng = createRng(3);
    const count = 60;
    const truth = new Float32Array(1024);
    const recon = new Float32Array(1024);
    const reconMse = new Float32Array(count);
    const residuals: number[] = [];
    const bank = createJudgeBank(32);
    for (let i = 0; i < count; i++) {
      renderCylinder({ height: rng(), radius: rng() }, 32, truth);
      // An imperfect reconstruction: contrast and a little noise, different for each image.
      const noise = 0.02 + 0.1 * rng();
      for (let k = 0; k < 1024; k++) recon[k] = 0.9 * (truth[k] as number) + noise * (rng() - 0.5);
      reconMse[i] = recon.reduce((sum, v, k) => sum + (v - (truth[k] as number)) ** 2, 0) / 1024;
      residuals.push(residualNmse(bank, recon, truth));
    }
    const threshold = runCompute('threshold', { imageSize: 32, reconMse });
    expect(threshold).toBeCloseTo(plausibilityThreshold(residuals), 6);
    expect(threshold).toBeGreaterThan(0);
  });
});
