import type { Density } from '../../shared/density';
import { inRegion, type ToyMask } from './toy-mask';

/** A toy sample's label: 'C' plausible (inside p_data's region), 'A' looks wrong (outside it). */
export type ToyLabel = 'A' | 'C';

/** The toy's figures, judged exactly against the region p_data. */
export interface ToyScores {
  /** Samples scored. */
  samples: number;
  /** (A) samples outside the region: they look wrong. */
  looksWrong: number;
  /** (C) samples inside the region: plausible. */
  plausible: number;
  /** Share of samples that are plausible, 0–1 (NaN with no samples). */
  precision: number;
  /** Cells of the region. */
  regionCells: number;
  /** Region cells inside p_model's 99 % highest-density region. */
  coveredCells: number;
  /** (B) region cells p_model (almost) never samples: it cannot generate them. */
  missedCells: number;
  /** Share of the region's cells covered (recall), 0–1. */
  coverage: number;
}

/** The label of each interleaved sample: 'C' inside the region, 'A' outside it. */
export function labelToySamples(mask: ToyMask, samples: Float32Array): ToyLabel[] {
  const labels: ToyLabel[] = [];
  for (let i = 0; i + 1 < samples.length; i += 2) {
    labels.push(inRegion(mask, samples[i]!, samples[i + 1]!) ? 'C' : 'A');
  }
  return labels;
}

/**
 * Which cells of `mask`'s region p_model covers: 1 where log p ≥ `level` (the 99 % HDR threshold),
 * 0 elsewhere and outside the region. p is evaluated once per `block × block` cells, at the
 * block's centre, and only for blocks holding region cells, in one batch. A density that is not
 * generative ('mean') covers nothing: a point has no area.
 *
 * @example coveredRegionCells(mask, density, levels[2], 2) // 128² cells judged on a 64² grid
 */
export function coveredRegionCells(mask: ToyMask, density: Density, level: number, block = 1): Uint8Array {
  const { size, cells } = mask;
  const covered = new Uint8Array(cells.length);
  if (!density.generative) return covered;
  const blocks = Math.ceil(size / block);
  const regionBlocks: number[] = [];
  const centres: number[] = [];
  for (let by = 0; by < blocks; by++) {
    for (let bx = 0; bx < blocks; bx++) {
      if (!blockCells(size, block, bx, by).some((i) => cells[i] === 1)) continue;
      regionBlocks.push(by * blocks + bx);
      centres.push(Math.min(1, ((bx + 0.5) * block) / size), Math.min(1, ((by + 0.5) * block) / size));
    }
  }
  const logP = density.logDensity(Float64Array.from(centres));
  regionBlocks.forEach((b, k) => {
    if (!(logP[k]! >= level)) return;
    for (const i of blockCells(size, block, b % blocks, Math.floor(b / blocks))) {
      if (cells[i] === 1) covered[i] = 1;
    }
  });
  return covered;
}

/** Indices of the cells of block (bx, by) of side `block`, cut at the mask's edge. */
function blockCells(size: number, block: number, bx: number, by: number): number[] {
  const out: number[] = [];
  for (let row = by * block; row < Math.min(size, (by + 1) * block); row++) {
    for (let col = bx * block; col < Math.min(size, (bx + 1) * block); col++) out.push(row * size + col);
  }
  return out;
}

/**
 * A/B/C figures from the region, the samples' labels and the covered cells.
 *
 * @example scoreToy(mask, ['C', 'A', 'C'], covered) // precision 2/3, coverage = covered ÷ region
 */
export function scoreToy(mask: ToyMask, labels: readonly ToyLabel[], covered: Uint8Array): ToyScores {
  let regionCells = 0;
  let coveredCells = 0;
  mask.cells.forEach((c, i) => {
    if (c !== 1) return;
    regionCells++;
    if (covered[i] === 1) coveredCells++;
  });
  const plausible = labels.filter((l) => l === 'C').length;
  return {
    samples: labels.length,
    looksWrong: labels.length - plausible,
    plausible,
    precision: labels.length > 0 ? plausible / labels.length : NaN,
    regionCells,
    coveredCells,
    missedCells: regionCells - coveredCells,
    coverage: regionCells > 0 ? coveredCells / regionCells : NaN,
  };
}
