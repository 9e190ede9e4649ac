import { describe, expect, it } from 'vitest';
import { gridLayout } from '../../shared/latent-grid';
import { densityPixels, hdrContours, pixelBounds, type DensityRaster } from './pmodel-overlay';

/** A raster of `logp` on n × n nodes over [lo, hi]², in gridLayout's bottom-up order. */
function rasterOf(
  logp: (z1: number, z2: number) => number,
  n: number,
  lo: number,
  hi: number,
): DensityRaster {
  const bounds = { min: [lo, lo] as [number, number], max: [hi, hi] as [number, number] };
  const nodes = gridLayout(bounds, n, n, 'bottom-up');
  const values = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) values[i] = logp(nodes[2 * i]!, nodes[2 * i + 1]!);
  return { values, cols: n, rows: n, bounds };
}

/** log N(z; mean, σ² I) in 2-D. */
const gaussian = (m1: number, m2: number, sigma: number) => (z1: number, z2: number) =>
  -Math.log(2 * Math.PI * sigma * sigma) - ((z1 - m1) ** 2 + (z2 - m2) ** 2) / (2 * sigma * sigma);

/** The log-density level whose super-level set holds `mass` of an isotropic 2-D Gaussian. */
const gaussianLevel = (sigma: number, mass: number) =>
  -Math.log(2 * Math.PI * sigma * sigma) + Math.log(1 - mass);

function points(segments: Float32Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < segments.length; i += 2) out.push([segments[i]!, segments[i + 1]!]);
  return out;
}

describe('densityPixels', () => {
  it('puts the raster’s top row (largest z₂) first and makes p = 0 transparent', () => {
    // 2 × 2 nodes, bottom-up: bottom-left −∞, bottom-right 0, top-left −1, top-right −∞.
    const r: DensityRaster = {
      values: Float64Array.from([-Infinity, 0, -1, -Infinity]),
      cols: 2,
      rows: 2,
      bounds: { min: [0, 0], max: [1, 1] },
    };
    const px = densityPixels(r);
    const alpha = [px[3], px[7], px[11], px[15]];
    // Image order: top-left (−1), top-right (−∞), bottom-left (−∞), bottom-right (0: the peak).
    expect(alpha[1]).toBe(0);
    expect(alpha[2]).toBe(0);
    expect(alpha[0]).toBeGreaterThan(0);
    expect(alpha[3]).toBeGreaterThan(alpha[0]!);
  });

  it('shades the peak of a Gaussian brightest and fades away from it', () => {
    const r = rasterOf(gaussian(0, 0, 1), 21, -3, 3);
    const px = densityPixels(r);
    const alphaAt = (col: number, row: number) => px[4 * (row * 21 + col) + 3]!;
    expect(alphaAt(10, 10)).toBeGreaterThan(alphaAt(14, 10));
    expect(alphaAt(14, 10)).toBeGreaterThan(alphaAt(20, 10));
    expect(Math.max(...Array.from({ length: 21 * 21 }, (_, i) => px[4 * i + 3]!))).toBe(alphaAt(10, 10));
  });

  it('gives a flat density (the box) a lighter wash than a peak, so the map shows through', () => {
    const box = densityPixels(
      rasterOf((z1, z2) => (Math.max(Math.abs(z1), Math.abs(z2)) <= 1 ? -Math.log(4) : -Infinity), 9, -2, 2),
    );
    const peak = densityPixels(rasterOf(gaussian(0, 0, 1), 9, -2, 2));
    const centre = 4 * (4 * 9 + 4) + 3;
    expect(box[centre]).toBeGreaterThan(0);
    expect(box[centre]).toBeLessThan(peak[centre]! / 2);
    expect(box[3]).toBe(0);
  });

  it('is all transparent when p = 0 everywhere', () => {
    const r = rasterOf(() => -Infinity, 4, 0, 1);
    expect(densityPixels(r).every((v) => v === 0)).toBe(true);
  });
});

describe('pixelBounds', () => {
  it('reaches half a node spacing beyond the raster, so each pixel is centred on its node', () => {
    const r = rasterOf(() => 0, 3, 0, 2);
    expect(pixelBounds(r)).toEqual({ min: [-0.5, -0.5], max: [2.5, 2.5] });
  });
});

describe('hdrContours', () => {
  it('traces a Gaussian’s 50 % region as a circle of radius σ·√(2 ln 2) around its mean', () => {
    const sigma = 0.8;
    const r = rasterOf(gaussian(1, -0.5, sigma), 81, -3, 3);
    const [c50] = hdrContours(r, [gaussianLevel(sigma, 0.5)]);
    expect(c50!.label).toBe('50 %');
    const pts = points(c50!.segments);
    expect(pts.length).toBeGreaterThan(40);
    const radius = sigma * Math.sqrt(2 * Math.log(2));
    for (const [z1, z2] of pts) expect(Math.hypot(z1 - 1, z2 + 0.5)).toBeCloseTo(radius, 1);
    // It encloses the mean: points lie on every side of it.
    expect(Math.min(...pts.map((p) => p[0]))).toBeLessThan(1);
    expect(Math.max(...pts.map((p) => p[0]))).toBeGreaterThan(1);
    expect(Math.min(...pts.map((p) => p[1]))).toBeLessThan(-0.5);
    expect(Math.max(...pts.map((p) => p[1]))).toBeGreaterThan(-0.5);
  });

  it('labels nested contours 50, 90 and 99 % and puts each label at its top', () => {
    const sigma = 0.5;
    const r = rasterOf(gaussian(0, 0, sigma), 61, -3, 3);
    const contours = hdrContours(
      r,
      [0.5, 0.9, 0.99].map((m) => gaussianLevel(sigma, m)),
    );
    expect(contours.map((c) => c.label)).toEqual(['50 %', '90 %', '99 %']);
    const tops = contours.map((c) => c.anchor![1]);
    expect(tops[0]).toBeLessThan(tops[1]!);
    expect(tops[1]).toBeLessThan(tops[2]!);
    expect(tops[2]).toBeCloseTo(sigma * Math.sqrt(-2 * Math.log(0.01)), 1);
  });

  it('closes a box’s contour at its edges (p = 0 outside) and merges its equal levels', () => {
    const inside = (z1: number, z2: number) => Math.abs(z1) <= 1 && Math.abs(z2) <= 1;
    const level = -Math.log(4);
    const r = rasterOf((z1, z2) => (inside(z1, z2) ? level : -Infinity), 41, -2, 2);
    const contours = hdrContours(r, [level, level, level]);
    expect(contours).toHaveLength(1);
    expect(contours[0]!.label).toBe('50 / 90 / 99 %');
    const pts = points(contours[0]!.segments);
    expect(pts.length).toBeGreaterThan(0);
    for (const [z1, z2] of pts) {
      expect(Number.isFinite(z1) && Number.isFinite(z2)).toBe(true);
      expect(Math.max(Math.abs(z1), Math.abs(z2))).toBeCloseTo(1, 1);
    }
  });

  it('draws nothing for a raster where p = 0 everywhere, or for a level it cannot place', () => {
    expect(
      hdrContours(
        rasterOf(() => -Infinity, 5, 0, 1),
        [0, 1, 2],
      ),
    ).toEqual([]);
    expect(
      hdrContours(
        rasterOf(() => 0, 5, 0, 1),
        [NaN],
      ),
    ).toEqual([]);
  });
});
