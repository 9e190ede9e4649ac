import { describe, expect, it } from 'vitest';
import { renderCylinder } from '../cylinder';
import { createRng } from '../random';
import type { ImageSize } from '../train-config';
import { createJudgeBank, judgeImage, judgeImages, residualNmse } from './bank';
import { labelSamples, plausibilityThreshold } from './labels';

/** Box blur of radius 1 (edges clamped): a stand-in for a decoder's soft reconstruction. */
function blur(image: Float32Array, size: number): Float32Array {
  const out = new Float32Array(image.length);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      let sum = 0;
      let n = 0;
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const r = row + dr;
          const c = col + dc;
          if (r < 0 || c < 0 || r >= size || c >= size) continue;
          sum += image[r * size + c]!;
          n++;
        }
      }
      out[row * size + col] = sum / n;
    }
  }
  return out;
}

describe('createJudgeBank', () => {
  it('holds the render of (i/(steps−1), j/(steps−1)) at index i·steps + j, and their pixel variance', () => {
    const bank = createJudgeBank(32, 5);
    const pixels = 32 * 32;
    const all: number[] = [];
    for (let hi = 0; hi < 5; hi++) {
      for (let ri = 0; ri < 5; ri++) {
        const expected = renderCylinder({ height: hi / 4, radius: ri / 4 }, 32);
        const offset = (hi * 5 + ri) * pixels;
        expect(bank.renders.subarray(offset, offset + pixels)).toEqual(expected);
        all.push(...expected);
      }
    }
    const mean = all.reduce((a, b) => a + b, 0) / all.length;
    const variance = all.reduce((a, b) => a + (b - mean) ** 2, 0) / all.length;
    expect(bank.renders.length).toBe(25 * pixels);
    expect(bank.pixelVariance).toBeCloseTo(variance, 10);
  });

  it('rejects a bank resolution out of range or not an integer, and an unknown image size', () => {
    expect(() => createJudgeBank(32, 1)).toThrow('bank steps must be an integer in [2, 65], got 1');
    expect(() => createJudgeBank(32, 8.5)).toThrow('got 8.5');
    expect(() => createJudgeBank(48 as ImageSize)).toThrow('imageSize must be one of 32, 64, got 48');
  });
});

describe('judgeImage', () => {
  it.each([32, 64] as const)(
    'recovers (height, radius) of 1,000 random true %i-px renders within 0.02, residual near 0',
    (size: ImageSize) => {
      const bank = createJudgeBank(size);
      const rng = createRng(size);
      let worstFactor = 0;
      let worstResidual = 0;
      for (let i = 0; i < 1000; i++) {
        const truth = { height: rng(), radius: rng() };
        const judged = judgeImage(bank, renderCylinder(truth, size));
        worstFactor = Math.max(
          worstFactor,
          Math.abs(judged.height - truth.height),
          Math.abs(judged.radius - truth.radius),
        );
        worstResidual = Math.max(worstResidual, judged.residual);
      }
      expect(worstFactor).toBeLessThan(0.02);
      expect(worstResidual).toBeLessThan(1e-3);
    },
  );

  it('finds a bank point and the corners of the square exactly', () => {
    const bank = createJudgeBank(32, 9);
    for (const truth of [
      { height: 0.25, radius: 0.75 },
      { height: 0, radius: 0 },
      { height: 1, radius: 1 },
      { height: 0, radius: 1 },
    ]) {
      expect(judgeImage(bank, renderCylinder(truth, 32))).toEqual({ ...truth, residual: 0 });
    }
  });

  it('finds a true cylinder at least as close as the original under a blurred render', () => {
    const bank = createJudgeBank(32);
    const rng = createRng(3);
    for (let i = 0; i < 50; i++) {
      const truth = renderCylinder({ height: rng(), radius: rng() }, 32);
      const soft = blur(truth, 32);
      expect(judgeImage(bank, soft).residual).toBeLessThanOrEqual(residualNmse(bank, soft, truth) + 1e-9);
    }
  });

  it('labels a blank image "looks wrong" against a soft but normal model', () => {
    const bank = createJudgeBank(32);
    const rng = createRng(4);
    const recon = Array.from({ length: 100 }, () => {
      const truth = renderCylinder({ height: rng(), radius: rng() }, 32);
      return residualNmse(bank, blur(truth, 32), truth);
    });
    const threshold = plausibilityThreshold(recon);
    const blank = judgeImage(bank, new Float32Array(32 * 32));
    expect(blank.residual).toBeGreaterThan(threshold);
    expect(labelSamples([blank], threshold)).toEqual(['A']);
  });

  it('rejects an image of the wrong size or with a non-finite pixel, naming the problem', () => {
    const bank = createJudgeBank(32, 3);
    expect(() => judgeImage(bank, new Float32Array(64 * 64))).toThrow(
      'expected a Float32Array of 1 × 1024 pixels (imageSize 32), got length 4096',
    );
    const image = renderCylinder({ height: 0.5, radius: 0.5 }, 32);
    image[7] = NaN;
    expect(() => judgeImage(bank, image)).toThrow('pixel 7 is not finite (NaN)');
  });
});

describe('judgeImages', () => {
  it('judges images stored back to back like judgeImage does one by one', () => {
    const bank = createJudgeBank(32);
    const factors = [
      { height: 0.1, radius: 0.9 },
      { height: 0.6, radius: 0.3 },
      { height: 0.95, radius: 0.05 },
    ];
    const images = new Float32Array(3 * 1024);
    factors.forEach((f, i) => renderCylinder(f, 32, images.subarray(i * 1024, (i + 1) * 1024)));
    const judged = judgeImages(bank, images, 3);
    expect(judged).toEqual(factors.map((f) => judgeImage(bank, renderCylinder(f, 32))));
    expect(judged[2]!.height).toBeCloseTo(0.95, 2);
  });

  it('rejects a count that does not match the pixels', () => {
    const bank = createJudgeBank(32, 3);
    expect(() => judgeImages(bank, new Float32Array(2 * 1024), 3)).toThrow(
      'expected a Float32Array of 3 × 1024 pixels',
    );
    expect(() => judgeImages(bank, new Float32Array(0), -1)).toThrow(
      'count must be a non-negative integer, got -1',
    );
  });
});

describe('residualNmse', () => {
  it('is 0 for identical images and mean squared difference ÷ pixelVariance otherwise', () => {
    const bank = createJudgeBank(32, 5);
    const a = renderCylinder({ height: 0.4, radius: 0.6 }, 32);
    const shifted = a.map((v) => v + 0.1);
    const twice = a.map((v) => v + 0.2);
    expect(residualNmse(bank, a, a.slice())).toBe(0);
    expect(residualNmse(bank, a, shifted)).toBeCloseTo(0.01 / bank.pixelVariance, 6);
    expect(residualNmse(bank, a, twice)).toBeCloseTo(4 * residualNmse(bank, a, shifted), 6);
    expect(residualNmse(bank, shifted, a)).toBe(residualNmse(bank, a, shifted));
  });
});
