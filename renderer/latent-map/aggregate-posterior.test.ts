import { describe, expect, it } from 'vitest';
import { createRng, gaussian } from '../../shared/random';
import {
  aggregateBounds,
  aggregateLogDensity,
  aggregatePosterior,
  rasterHdrLevels,
} from './aggregate-posterior';
import { HDR_MASSES, hdrContours } from './pmodel-overlay';

const WIDE = { min: [-10, -10] as [number, number], max: [10, 10] as [number, number] };

/** Σ q·(cell area) over the raster's nodes: its integral by the midpoint rule. */
function integral(r: ReturnType<typeof aggregateLogDensity>): number {
  const area =
    ((r.bounds.max[0] - r.bounds.min[0]) / (r.cols - 1)) *
    ((r.bounds.max[1] - r.bounds.min[1]) / (r.rows - 1));
  return r.values.reduce((s, v) => s + Math.exp(v), 0) * area;
}

/** N codes drawn around two centres, with assorted σ, as an encoder might give. */
function twoClusters(count: number) {
  const rng = createRng(5);
  const codes = new Float32Array(2 * count);
  const logVar = new Float32Array(2 * count);
  for (let i = 0; i < count; i++) {
    const c = i % 2 ? 1.5 : -1;
    codes[2 * i] = c + 0.4 * gaussian(rng);
    codes[2 * i + 1] = -0.5 * c + 0.3 * gaussian(rng);
    logVar[2 * i] = Math.log(0.05 + 0.1 * rng());
    logVar[2 * i + 1] = Math.log(0.02 + 0.2 * rng());
  }
  return { codes, logVar };
}

describe('the aggregate posterior q(z)', () => {
  it('is the standard normal density when every code is μ = 0, logVar = 0', () => {
    const n = 50;
    const r = aggregateLogDensity(new Float32Array(2 * n), new Float32Array(2 * n), WIDE, 41, 41);
    for (const [col, row] of [
      [20, 20],
      [25, 18],
      [0, 40],
      [33, 7],
    ] as const) {
      const z1 = -10 + col * 0.5;
      const z2 = -10 + row * 0.5;
      const expected = -Math.log(2 * Math.PI) - (z1 * z1 + z2 * z2) / 2;
      expect(r.values[row * 41 + col]).toBeCloseTo(expected, 9);
    }
  });

  it('is each code’s own axis-aligned normal, averaged over the codes', () => {
    // Two codes: μ = (1, −2), σ = (0.5, 2), and μ = (0, 0), σ = (1, 1).
    const codes = Float32Array.of(1, -2, 0, 0);
    const logVar = Float32Array.of(Math.log(0.25), Math.log(4), 0, 0);
    const r = aggregateLogDensity(codes, logVar, { min: [0, -2], max: [2, 0] }, 3, 3);
    const normal = (x: number, mu: number, s: number) =>
      Math.exp(-0.5 * ((x - mu) / s) ** 2) / (Math.sqrt(2 * Math.PI) * s);
    // Node (col 2, row 1) is z = (2, −1).
    const q = 0.5 * (normal(2, 1, 0.5) * normal(-1, -2, 2) + normal(2, 0, 1) * normal(-1, 0, 1));
    expect(Math.exp(r.values[1 * 3 + 2]!)).toBeCloseTo(q, 6);
  });

  it('integrates to 1 over a grid wide enough to hold it', () => {
    const { codes, logVar } = twoClusters(400);
    expect(integral(aggregateLogDensity(codes, logVar, WIDE, 201, 201))).toBeCloseTo(1, 3);
  });

  it('skips codes with non-finite numbers, and is −∞ where every code underflows', () => {
    const codes = Float32Array.of(0, 0, NaN, 0, 0, 0);
    const logVar = Float32Array.of(0, 0, 0, 0, Infinity, 0);
    const r = aggregateLogDensity(codes, logVar, { min: [-60, 0], max: [0, 0] }, 2, 1);
    expect(r.values[1]).toBeCloseTo(-Math.log(2 * Math.PI), 9);
    expect(r.values[0]).toBe(-Infinity);
    expect(aggregateBounds(Float32Array.of(NaN, 0), Float32Array.of(0, 0))).toBeNull();
  });

  it('is gridded over every code’s μ ± 4σ', () => {
    const b = aggregateBounds(
      Float32Array.of(0, 1, 4, -1),
      Float32Array.of(0, 0, Math.log(4), Math.log(0.25)),
    );
    expect(b?.min[0]).toBeCloseTo(-4, 6); // both codes reach −4 (0 − 4·1 and 4 − 4·2)
    expect(b?.min[1]).toBeCloseTo(-3, 6); // the second code: −1 − 4·0.5
    expect(b?.max[0]).toBeCloseTo(12, 6);
    expect(b?.max[1]).toBeCloseTo(5, 6);
  });
});

describe('the highest-density levels of q(z)', () => {
  it('are those of N(0, I) when q is N(0, I): log p = ln(1 − m) − ln(2π)', () => {
    const n = 20;
    const q = aggregatePosterior(new Float32Array(2 * n), new Float32Array(2 * n), HDR_MASSES, 161)!;
    HDR_MASSES.forEach((m, k) => {
      expect(q.levels[k]).toBeCloseTo(Math.log(1 - m) - Math.log(2 * Math.PI), 1);
    });
    // And their contours are the prior's circles: radius √(−2 ln(1 − m)) for the 50 % one.
    const [c50] = hdrContours(q.raster, q.levels);
    const radius = Math.hypot(c50!.segments[0]!, c50!.segments[1]!);
    expect(radius).toBeCloseTo(Math.sqrt(-2 * Math.log(0.5)), 1);
  });

  it('enclose 50, 90 and 99 % of a two-cluster q, counted on a finer grid', () => {
    const { codes, logVar } = twoClusters(300);
    const q = aggregatePosterior(codes, logVar, HDR_MASSES)!;
    expect(q.raster.cols).toBe(96);
    expect(q.levels[0]).toBeGreaterThan(q.levels[1]!);
    expect(q.levels[1]).toBeGreaterThan(q.levels[2]!);
    const fine = aggregateLogDensity(codes, logVar, q.raster.bounds, 300, 300);
    const total = fine.values.reduce((s, v) => s + Math.exp(v), 0);
    HDR_MASSES.forEach((m, k) => {
      const inside = fine.values.reduce((s, v) => s + (v >= q.levels[k]! ? Math.exp(v) : 0), 0);
      expect(Math.abs(inside / total - m)).toBeLessThan(0.03);
    });
  });

  it('are −∞ for a raster with no finite value; none without codes that match logVar', () => {
    const empty = { values: Float64Array.of(-Infinity), cols: 1, rows: 1, bounds: WIDE };
    expect(rasterHdrLevels(empty, [0.5])).toEqual([-Infinity]);
    expect(aggregatePosterior(Float32Array.of(0, 0), Float32Array.of(0), HDR_MASSES)).toBeNull();
  });
});
