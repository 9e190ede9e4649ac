import { describe, expect, it } from 'vitest';
import { knnRegress, r2 } from './knn';
import { createRng } from './random';

/** n random 2-D points in [0,1]² and f(x, y) = (x + 2y, x·y) at each. */
function sample(n: number, seed: number): { x: Float32Array; y: Float32Array } {
  const rng = createRng(seed);
  const x = new Float32Array(2 * n).map(() => rng());
  const y = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const [a, b] = [x[2 * i]!, x[2 * i + 1]!];
    y[2 * i] = a + 2 * b;
    y[2 * i + 1] = a * b;
  }
  return { x, y };
}

/** The definition, by brute force: the k smallest (distance², index) pairs, averaged in that order. */
function knnOracle(
  trainX: Float32Array,
  trainY: Float32Array,
  dimY: number,
  queryX: Float32Array,
  k: number,
) {
  const n = trainX.length / 2;
  const out = new Float32Array((queryX.length / 2) * dimY);
  for (let q = 0; q < queryX.length / 2; q++) {
    const ranked = Array.from({ length: n }, (_, i) => {
      const dx = trainX[2 * i]! - queryX[2 * q]!;
      const dy = trainX[2 * i + 1]! - queryX[2 * q + 1]!;
      return { d: dx * dx + dy * dy, i };
    }).sort((a, b) => a.d - b.d || a.i - b.i);
    const used = ranked.slice(0, Math.min(k, n));
    for (let j = 0; j < dimY; j++) {
      let sum = 0;
      for (const { i } of used) sum += trainY[i * dimY + j]!;
      out[q * dimY + j] = sum / used.length;
    }
  }
  return out;
}

describe('knnRegress', () => {
  it('gives exactly the brute-force answer (ties to the lower index) on awkward point sets', () => {
    const rng = createRng(7);
    const shapes: Record<string, (i: number) => [number, number]> = {
      uniform: () => [rng() * 4 - 2, rng() * 4 - 2],
      // Many exact duplicates and equal distances: ties must go to the lower index.
      lattice: (i) => [i % 7, Math.floor(i / 7) % 5],
      line: () => [rng() * 10, 3],
      point: () => [0.25, 0.25],
      sliver: () => [rng() * 1000, rng() * 1e-3],
      clustersAndOutlier: (i) =>
        i === 5 ? [1e4, -1e4] : [Math.floor(rng() * 3) + rng() * 0.01, rng() * 0.01],
    };
    for (const [name, make] of Object.entries(shapes)) {
      for (const n of [1, 9, 300]) {
        const trainX = new Float32Array(2 * n);
        for (let i = 0; i < n; i++) [trainX[2 * i], trainX[2 * i + 1]] = make(i);
        const trainY = Float32Array.from({ length: 2 * n }, () => rng());
        // Queries inside, on and far outside the points' bounds, and on the points themselves.
        const queries = [
          ...Array.from({ length: 40 }, () => [rng() * 12 - 6, rng() * 12 - 6]),
          [1e5, 1e5],
          [-3, 3],
          [trainX[0]!, trainX[1]!],
          [trainX[2 * (n - 1)]!, trainX[2 * (n - 1) + 1]!],
        ].flat();
        const queryX = Float32Array.from(queries);
        for (const k of [1, 3, 10, 400]) {
          const got = knnRegress(trainX, trainY, 2, queryX, k);
          expect(Array.from(got), `${name}, n = ${n}, k = ${k}`).toEqual(
            Array.from(knnOracle(trainX, trainY, 2, queryX, k)),
          );
        }
      }
    }
  });

  it('averages exactly the k nearest points', () => {
    const trainX = new Float32Array([0, 0, 1, 0, 0, 1, 5, 5]);
    const trainY = new Float32Array([1, 2, 3, 100]);
    expect(Array.from(knnRegress(trainX, trainY, 1, new Float32Array([0.1, 0.1]), 1))).toEqual([1]);
    expect(Array.from(knnRegress(trainX, trainY, 1, new Float32Array([0.1, 0.1]), 3))).toEqual([2]);
    expect(Array.from(knnRegress(trainX, trainY, 1, new Float32Array([5, 4.9]), 1))).toEqual([100]);
  });

  it('uses every point when k exceeds the training set', () => {
    const out = knnRegress(
      new Float32Array([0, 0, 1, 1]),
      new Float32Array([2, 4]),
      1,
      new Float32Array([9, 9]),
      10,
    );
    expect(Array.from(out)).toEqual([3]);
  });

  it('recovers a smooth function (R² near 1) with multi-dimensional targets', () => {
    const train = sample(3200, 1);
    const test = sample(800, 2);
    const predicted = knnRegress(train.x, train.y, 2, test.x, 10);
    expect(predicted).toHaveLength(1600);
    expect(r2(test.y, predicted, 2, 0)).toBeGreaterThan(0.99);
    expect(r2(test.y, predicted, 2, 1)).toBeGreaterThan(0.98);
  });

  it('rejects malformed input with clear messages', () => {
    const x = new Float32Array([0, 0, 1, 1]);
    const y = new Float32Array([1, 2]);
    expect(() => knnRegress(x, y, 1, x, 0)).toThrow('k must be a positive integer, got 0');
    expect(() => knnRegress(x, new Float32Array(3), 1, x, 1)).toThrow(
      /trainY must have length dimY·n = 2, got 3/,
    );
    expect(() => knnRegress(new Float32Array(3), y, 1, x, 1)).toThrow(/even length/);
    expect(() => knnRegress(new Float32Array(0), new Float32Array(0), 1, x, 1)).toThrow(/at least one/);
    expect(() => knnRegress(x, y, 1, new Float32Array([NaN, 0]), 1)).toThrow(/finite/);
  });
});

describe('r2', () => {
  it('is 1 for a perfect fit, 0 for the mean, negative when worse than the mean', () => {
    const truth = [1, 10, 2, 20, 3, 30];
    expect(r2(truth, truth, 2, 0)).toBe(1);
    expect(r2(truth, [2, 10, 2, 20, 2, 30], 2, 0)).toBe(0);
    expect(r2(truth, [3, 10, 2, 20, 1, 30], 2, 0)).toBe(-3);
    expect(r2(truth, [2, 10, 2, 20, 2, 30], 2, 1)).toBe(1);
  });

  it('handles a constant truth and rejects bad shapes', () => {
    expect(r2([5, 5], [5, 5], 1, 0)).toBe(1);
    expect(r2([5, 5], [4, 5], 1, 0)).toBe(0);
    expect(() => r2([1, 2], [1], 1, 0)).toThrow(/same non-zero length/);
    expect(() => r2([1, 2], [1, 2], 2, 2)).toThrow(/index must be an integer in \[0, 1\]/);
  });
});
