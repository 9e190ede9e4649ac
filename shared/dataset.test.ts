import { describe, expect, it } from 'vitest';
import type { ImageSize } from './train-config';
import { renderCylinder } from './cylinder';
import { DatasetRenderer, generateDataset, type DatasetOptions } from './dataset';

const OPTIONS: DatasetOptions = { count: 50, imageSize: 32, seed: 1, valFraction: 0.2 };

describe('generateDataset', () => {
  it('splits into train and validation with matching array sizes', () => {
    const dataset = generateDataset(OPTIONS);
    expect(dataset.train.count).toBe(40);
    expect(dataset.val.count).toBe(10);
    expect(dataset.train.images).toHaveLength(40 * 32 * 32);
    expect(dataset.val.images).toHaveLength(10 * 32 * 32);
    expect(dataset.train.factors).toHaveLength(80);
    expect(dataset.val.factors).toHaveLength(20);
    expect(dataset.imageSize).toBe(32);
    expect(dataset.seed).toBe(1);
  });

  it('is deterministic per seed, and other seeds give other data', () => {
    const a = generateDataset(OPTIONS);
    const b = generateDataset(OPTIONS);
    const c = generateDataset({ ...OPTIONS, seed: 2 });
    expect(Array.from(a.train.factors)).toEqual(Array.from(b.train.factors));
    expect(Array.from(a.val.factors)).toEqual(Array.from(b.val.factors));
    expect(Array.from(a.val.images)).toEqual(Array.from(b.val.images));
    expect(Array.from(a.train.factors)).not.toEqual(Array.from(c.train.factors));
    expect(Array.from(a.val.images)).not.toEqual(Array.from(c.val.images));
  });

  it('draws factors in [0,1] spread over the whole square', () => {
    const { train, val } = generateDataset({ ...OPTIONS, count: 400 });
    const all = [...train.factors, ...val.factors];
    expect(Math.min(...all)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...all)).toBeLessThanOrEqual(1);
    const heights = all.filter((_, i) => i % 2 === 0);
    const radii = all.filter((_, i) => i % 2 === 1);
    for (const xs of [heights, radii]) {
      expect(Math.min(...xs)).toBeLessThan(0.05);
      expect(Math.max(...xs)).toBeGreaterThan(0.95);
      expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.06);
    }
  });

  it('keeps each image beside the factors it was rendered from', () => {
    const { val, imageSize } = generateDataset({ ...OPTIONS, imageSize: 64 });
    const i = 3;
    const factors = { height: val.factors[2 * i]!, radius: val.factors[2 * i + 1]! };
    const image = val.images.subarray(i * 64 * 64, (i + 1) * 64 * 64);
    expect(imageSize).toBe(64);
    expect(Array.from(image)).toEqual(Array.from(renderCylinder(factors, 64)));
  });

  it('gives both splits at least one image', () => {
    const tiny = generateDataset({ ...OPTIONS, count: 2, valFraction: 0.01 });
    expect([tiny.train.count, tiny.val.count]).toEqual([1, 1]);
  });

  it('rejects bad arguments with clear messages', () => {
    expect(() => generateDataset({ ...OPTIONS, count: 1 })).toThrow(
      /count must be an integer in \[2, .*got 1/,
    );
    expect(() => generateDataset({ ...OPTIONS, count: 10.5 })).toThrow(/count .* got 10.5/);
    expect(() => generateDataset({ ...OPTIONS, count: NaN })).toThrow(/count .* got NaN/);
    expect(() => generateDataset({ ...OPTIONS, imageSize: 16 as ImageSize })).toThrow(
      'imageSize must be one of 32, 64, got 16',
    );
    expect(() => generateDataset({ ...OPTIONS, seed: Infinity })).toThrow(/seed must be a finite number/);
    expect(() => generateDataset({ ...OPTIONS, valFraction: 0 })).toThrow(
      /valFraction must be a number in \(0,1\), got 0/,
    );
    expect(() => generateDataset({ ...OPTIONS, valFraction: 1 })).toThrow(/valFraction .* got 1/);
  });
});

describe('DatasetRenderer', () => {
  it('renders a chunk at a time and ends with exactly the dataset of generateDataset', () => {
    const renderer = new DatasetRenderer(OPTIONS);
    expect([renderer.rendered, renderer.total]).toEqual([0, 50]);
    expect(renderer.dataset.val.factors).toEqual(generateDataset(OPTIONS).val.factors);
    const seen: number[] = [];
    while (!renderer.renderNext(15)) seen.push(renderer.rendered);
    expect(seen).toEqual([15, 30, 45]);
    expect(renderer.rendered).toBe(50);
    expect(renderer.dataset).toEqual(generateDataset(OPTIONS));
  });
});
