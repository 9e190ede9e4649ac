import { describe, expect, it } from 'vitest';
import { type Dataset, generateDataset } from '../../shared/dataset';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../shared/train-config';
import { DatasetCache, PREPARE_CHUNK_PIXELS } from './dataset-cache';

/** 1,000 images of 64 px: four chunks of 256. */
const LARGE: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, imageSize: 64, datasetSize: 1000 };
const SMALL: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, datasetSize: 200 };

function optionsOf(config: TrainConfig) {
  const { datasetSize: count, imageSize, seed, valFraction } = config;
  return { count, imageSize, seed, valFraction };
}

/** Whether two datasets have the same images and factors in a split (byte for byte, quickly). */
function sameBytes(a: Dataset, b: Dataset, split: 'train' | 'val'): boolean {
  const bytes = (x: Float32Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
  return (
    bytes(a[split].images).equals(bytes(b[split].images)) &&
    bytes(a[split].factors).equals(bytes(b[split].factors))
  );
}

describe('DatasetCache', () => {
  it('prepares a dataset a chunk at a time, letting other work run in between', async () => {
    const cache = new DatasetCache();
    const perChunk = PREPARE_CHUNK_PIXELS / 64 ** 2;
    const seen: string[] = [];
    const other = setInterval(() => seen.push('other work'), 0);
    const dataset = await cache.prepare(LARGE, {
      onRendered: (done, total) => seen.push(`${done}/${total}`),
    });
    clearInterval(other);
    const chunks = seen.filter((s) => s.includes('/'));
    expect(chunks).toEqual([1, 2, 3].map((i) => `${i * perChunk}/1000`).concat('1000/1000'));
    // Other work ran before the last chunk: the preparation does not hold the thread.
    expect(seen.indexOf('other work')).toBeLessThan(seen.indexOf('1000/1000'));
    const expected = generateDataset(optionsOf(LARGE));
    for (const split of ['train', 'val'] as const) {
      expect(sameBytes(dataset!, expected, split)).toBe(true);
      expect(dataset![split].count).toBe(expected[split].count);
    }
    expect(cache.get(LARGE)).toBe(dataset);
    expect(await cache.prepare(LARGE)).toBe(dataset);
  });

  it('stops preparing when cancelled between chunks, and keeps nothing', async () => {
    const cache = new DatasetCache();
    const rendered: number[] = [];
    const dataset = await cache.prepare(LARGE, {
      cancelled: () => rendered.length === 2,
      onRendered: (done) => rendered.push(done),
    });
    expect(dataset).toBeNull();
    expect(rendered).toEqual([256, 512]);
    expect(cache.size).toBe(0);
  });

  it('keeps only the datasets asked for, and never more than two', () => {
    const cache = new DatasetCache();
    const configs = [1, 2, 3].map((seed) => ({ ...SMALL, seed }));
    for (const config of configs) cache.get(config);
    expect(configs.map((c) => cache.has(c))).toEqual([false, true, true]);
    cache.keepOnly([configs[2]!, configs[0]!]);
    expect(configs.map((c) => cache.has(c))).toEqual([false, false, true]);
    cache.keepOnly([]);
    expect(cache.size).toBe(0);
  });
});
