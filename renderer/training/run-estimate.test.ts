import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n/translate';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { estimateRunSeconds, formatEstimate, LONG_RUN_SECONDS, longRunQuestion } from './run-estimate';

const en = translator('en');
const config = (patch: Partial<typeof DEFAULT_TRAIN_CONFIG>) => ({ ...DEFAULT_TRAIN_CONFIG, ...patch });

describe('estimateRunSeconds', () => {
  it('is within 15 % of the runs it was measured on (2 epochs, batch 64, npm run train)', () => {
    const measured: [Partial<typeof DEFAULT_TRAIN_CONFIG>, number][] = [
      [{ imageSize: 32, datasetSize: 10_000 }, 3.14],
      [{ imageSize: 32, datasetSize: 50_000 }, 18.1],
      [{ imageSize: 64, datasetSize: 10_000 }, 11.2],
      [{ imageSize: 64, datasetSize: 50_000 }, 67.0],
    ];
    for (const [patch, seconds] of measured) {
      const estimate = estimateRunSeconds(config({ ...patch, epochs: 2, batchSize: 64 }));
      expect(Math.abs(estimate / seconds - 1)).toBeLessThan(0.15);
    }
  });

  it('grows with epochs and images, and small batches are slower per image', () => {
    const base = estimateRunSeconds(DEFAULT_TRAIN_CONFIG);
    expect(estimateRunSeconds(config({ epochs: 60 }))).toBeCloseTo(2 * base, 6);
    expect(estimateRunSeconds(config({ batchSize: 8 }))).toBeGreaterThan(3 * base);
    expect(estimateRunSeconds(config({ batchSize: 48 }))).toBeGreaterThan(base); // between 32 and 64
    expect(estimateRunSeconds(config({ batchSize: 48 }))).toBeLessThan(
      estimateRunSeconds(config({ batchSize: 32 })),
    );
  });
});

describe('longRunQuestion', () => {
  it('asks nothing for the default run, and asks with the estimate past ten minutes', () => {
    expect(LONG_RUN_SECONDS).toBe(600);
    expect(longRunQuestion(DEFAULT_TRAIN_CONFIG, en)).toBeNull();
    // The e2e run of 200 epochs × 3,000 images stays under the threshold.
    expect(longRunQuestion(config({ epochs: 200, datasetSize: 3000, batchSize: 32 }), en)).toBeNull();
    const question = longRunQuestion(config({ imageSize: 64, datasetSize: 50_000, epochs: 500 }), en);
    expect(question).toMatch(
      /^This run will take about 4 h \d+ min \(40,000 training images × 500 epochs at 64 px/,
    );
    expect(question).toContain('Start it anyway?');
  });
});

describe('formatEstimate', () => {
  it('rounds as an estimate deserves', () => {
    expect(formatEstimate(12, en)).toBe('under a minute');
    expect(formatEstimate(95, en)).toBe('about 2 min');
    expect(formatEstimate(14_900, en)).toBe('about 4 h 10 min');
    expect(formatEstimate(7_190, en)).toBe('about 2 h');
    const zh = translator('zh-CN');
    expect(formatEstimate(12, zh)).toBe('不到一分钟');
    expect(formatEstimate(14_900, zh)).toBe('约 4 小时 10 分钟');
  });
});
