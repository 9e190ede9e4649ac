import { describe, expect, it } from 'vitest';
import { createRng, shuffleInPlace } from '../random';
import type { Judgement } from './bank';
import { COVERAGE_CELLS, coverageCell, coverageGrid, labelSamples, plausibilityThreshold } from './labels';

const judged = (height: number, radius: number, residual = 0): Judgement => ({ height, radius, residual });

describe('plausibilityThreshold', () => {
  it('is the 95th percentile: the order statistic at 0.95·(n−1), interpolated', () => {
    const rng = createRng(9);
    for (const n of [1, 2, 20, 101, 333]) {
      const values = Array.from({ length: n }, () => rng());
      const sorted = [...values].sort((a, b) => a - b);
      const position = 0.95 * (n - 1);
      const below = Math.floor(position);
      const above = Math.min(n - 1, below + 1);
      const expected = sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
      expect(plausibilityThreshold(values)).toBeCloseTo(expected, 12);
    }
  });

  it('lands on an order statistic exactly when 0.95·(n−1) is whole, whatever the input order', () => {
    const values = Array.from({ length: 101 }, (_, i) => i / 100);
    shuffleInPlace(values, createRng(2));
    expect(plausibilityThreshold(values)).toBe(0.95);
    expect(plausibilityThreshold(new Float32Array([3, 1, 2]))).toBeCloseTo(2.9, 6);
  });

  it('rejects an empty or non-finite input', () => {
    expect(() => plausibilityThreshold([])).toThrow('needs at least one reconstruction residual');
    expect(() => plausibilityThreshold([0.1, NaN])).toThrow('reconstruction residual 1 is not finite (NaN)');
  });
});

describe('labelSamples', () => {
  it("labels residual ≤ threshold 'C' (equal included) and anything above or NaN 'A'", () => {
    const samples = [
      judged(0.5, 0.5, 0.01),
      judged(0.5, 0.5, 0.05),
      judged(0.5, 0.5, 0.0500001),
      judged(0, 0, NaN),
    ];
    expect(labelSamples(samples, 0.05)).toEqual(['C', 'C', 'A', 'A']);
    expect(labelSamples([], 0.05)).toEqual([]);
    expect(() => labelSamples(samples, NaN)).toThrow('threshold must be a number, got NaN');
  });
});

describe('coverageGrid', () => {
  it('counts only plausible samples, in cell min(15, floor(v·16)) per factor, row-major by height', () => {
    const samples = [
      judged(0, 0),
      judged(0.0624, 0.01),
      judged(0.0625, 0),
      judged(1, 1),
      judged(0.99, 0.5),
      judged(0.3, 0.7),
      judged(0.3, 0.7),
    ];
    const grid = coverageGrid(samples, ['C', 'C', 'C', 'C', 'A', 'C', 'A']);
    expect(grid).toBeInstanceOf(Uint16Array);
    expect(grid.length).toBe(COVERAGE_CELLS * COVERAGE_CELLS);
    const expected = new Uint16Array(256);
    expected[0] = 2; // (0, 0) and (0.0624, 0.01)
    expected[1 * 16 + 0] = 1; // 0.0625 · 16 = 1 exactly
    expected[15 * 16 + 15] = 1; // 1 → the last cell
    expected[4 * 16 + 11] = 1; // (0.3, 0.7): one plausible of two
    expect(grid).toEqual(expected);
  });

  it('rejects a label count that differs from the judgements', () => {
    expect(() => coverageGrid([judged(0, 0)], [])).toThrow('needs one label per judgement, got 1 and 0');
  });
});

describe('coverageCell', () => {
  it('clamps out-of-square values to the edge cells', () => {
    expect([coverageCell(-0.1), coverageCell(0.5), coverageCell(1), coverageCell(1.5)]).toEqual([
      0, 8, 15, 15,
    ]);
  });
});
