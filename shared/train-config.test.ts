import { describe, expect, it } from 'vitest';
import { generateDataset } from './dataset';
import {
  configFieldProblem,
  configProblems,
  DEFAULT_TRAIN_CONFIG,
  NUMERIC_CONFIG_FIELDS,
  TRAIN_CONFIG_LIMITS,
  trainCount,
} from './train-config';

describe('trainCount', () => {
  it('holds out round(n · valFraction) images', () => {
    expect(trainCount(4000, 0.2)).toBe(3200);
    expect(trainCount(201, 0.2)).toBe(161); // 40.2 held out rounds to 40
    expect(trainCount(201, 0.5)).toBe(100); // 100.5 held out rounds up to 101
  });

  it('keeps at least one image on each side', () => {
    expect(trainCount(2, 0.5)).toBe(1);
    expect(trainCount(2, 0.01)).toBe(1);
    expect(trainCount(2, 0.99)).toBe(1);
    expect(trainCount(200, 0.001)).toBe(199);
    expect(trainCount(10, 0.99)).toBe(1);
  });

  it('is exactly the split the dataset makes', () => {
    const cases: [number, number][] = [
      [201, 0.5],
      [201, 0.2],
      [203, 0.05],
      [210, 0.05],
      [333, 0.3],
      [2, 0.5],
      [7, 0.9],
    ];
    for (const [count, valFraction] of cases) {
      const { train, val } = generateDataset({ count, imageSize: 32, seed: 3, valFraction });
      expect(trainCount(count, valFraction), `${count} × ${valFraction}`).toBe(train.count);
      expect(train.count + val.count).toBe(count);
    }
  });

  it('refuses sizes and fractions no split exists for', () => {
    expect(() => trainCount(1, 0.2)).toThrow(RangeError);
    expect(() => trainCount(100.5, 0.2)).toThrow(/whole number/);
    expect(() => trainCount(100, 0)).toThrow(/valFraction/);
    expect(() => trainCount(100, 1)).toThrow(/valFraction/);
    expect(() => trainCount(100, NaN)).toThrow(/valFraction/);
  });
});

describe('configFieldProblem', () => {
  it('accepts both ends of every limit and refuses just beyond them', () => {
    for (const field of NUMERIC_CONFIG_FIELDS) {
      const [min, max] = TRAIN_CONFIG_LIMITS[field];
      expect(configFieldProblem(field, min), `${field} = ${min}`).toBeNull();
      expect(configFieldProblem(field, max), `${field} = ${max}`).toBeNull();
      const beyond = (max - min) / 1000;
      expect(configFieldProblem(field, min - beyond)).toEqual({ kind: 'out-of-range', min, max });
      expect(configFieldProblem(field, max + beyond)).toEqual({ kind: 'out-of-range', min, max });
    }
  });

  it('refuses non-finite values, and fractions where a whole number is needed', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(configFieldProblem('learningRate', bad)).toEqual({ kind: 'not-finite' });
    }
    expect(configFieldProblem('epochs', 2.5)).toEqual({ kind: 'not-whole' });
    expect(configFieldProblem('seed', 7.25)).toEqual({ kind: 'not-whole' });
    expect(configFieldProblem('learningRate', 0.0025)).toBeNull();
    expect(configFieldProblem('valFraction', 0.25)).toBeNull();
  });

  it('names the range first when a value is both out of range and not whole', () => {
    expect(configFieldProblem('epochs', 0.5)).toEqual({ kind: 'out-of-range', min: 1, max: 500 });
  });
});

describe('configProblems', () => {
  it('finds nothing wrong with the defaults, and lists every numeric field of the config', () => {
    expect(configProblems(DEFAULT_TRAIN_CONFIG)).toEqual({});
    const numericKeys = Object.keys(DEFAULT_TRAIN_CONFIG).filter((k) => k !== 'imageSize' && k !== 'kind');
    expect([...NUMERIC_CONFIG_FIELDS].sort()).toEqual(numericKeys.sort());
  });

  it('reports one problem per bad field', () => {
    expect(configProblems({ ...DEFAULT_TRAIN_CONFIG, epochs: 0, beta: NaN, seed: 1.5 })).toEqual({
      epochs: { kind: 'out-of-range', min: 1, max: 500 },
      beta: { kind: 'not-finite' },
      seed: { kind: 'not-whole' },
    });
  });

  it('lets a batch fill the training split exactly, and no more', () => {
    const split = { ...DEFAULT_TRAIN_CONFIG, datasetSize: 201, valFraction: 0.5 };
    expect(configProblems({ ...split, batchSize: 100 })).toEqual({});
    expect(configProblems({ ...split, batchSize: 101 })).toEqual({
      batchSize: { kind: 'batch-too-large', trainCount: 100 },
    });
  });

  it('skips the batch check while the split itself is invalid', () => {
    expect(configProblems({ ...DEFAULT_TRAIN_CONFIG, datasetSize: 10, batchSize: 512 })).toEqual({
      datasetSize: { kind: 'out-of-range', min: 200, max: 50_000 },
    });
  });
});
