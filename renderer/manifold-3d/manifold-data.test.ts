import { describe, expect, it } from 'vitest';
import type { ModelState } from '../../shared/api';
import { renderCylinder } from '../../shared/cylinder';
import { gridCodes } from '../../shared/latent-grid';
import {
  assembleManifold,
  estimateFactors,
  GRID_PER_SIDE,
  markerPosition,
  MAX_POINTS,
  samplePoints,
  surfacePointAt,
  type ManifoldInputs,
} from './manifold-data';
import { explainedFraction, fitPca } from './pca';

/** A perfect "decoder": z in [0,1]² is (height, radius) itself. */
function decode(codes: Float32Array): Float32Array {
  const n = codes.length / 2;
  const out = new Float32Array(n * 1024);
  for (let i = 0; i < n; i++) {
    const f = { height: codes[2 * i] as number, radius: codes[2 * i + 1] as number };
    renderCylinder(f, 32, out.subarray(i * 1024, (i + 1) * 1024));
  }
  return out;
}

function inputs(perSide = 8): ManifoldInputs {
  const bounds = { min: [0, 0] as [number, number], max: [1, 1] as [number, number] };
  const codes = Float32Array.from([0.2, 0.3, 0.8, 0.7, 0.5, 0.5, 0.1, 0.9]);
  return {
    modelId: 'm',
    imageSize: 32,
    perSide,
    bounds,
    gridImages: decode(gridCodes(bounds, perSide)),
    reconImages: decode(codes),
    sample: { codes, factors: codes, count: 4 },
    valCodes: codes,
    valFactors: codes,
    previous: null,
  };
}

describe('assembleManifold', () => {
  it('projects the grid into [-1,1]³ and explains most of the pixel variance of a 2-factor family', () => {
    const data = assembleManifold(inputs());
    expect(data.gridPositions.length).toBe(3 * 64);
    const all = [...data.gridPositions, ...data.pointPositions, ...data.reconPositions];
    expect(Math.max(...all.map(Math.abs))).toBeCloseTo(1, 6);
    expect(data.gridSpread).toBeGreaterThan(0.5);
    expect(data.explained).toBeGreaterThan(0.5);
    expect(data.explained).toBeLessThanOrEqual(1);
    expect(data.explainedEach[0]).toBeGreaterThanOrEqual(data.explainedEach[1]);
    expect(data.explainedEach.reduce((a, b) => a + b)).toBeCloseTo(data.explained, 9);
  });

  it('fits the directions on every other grid image at full size, and they span what a fit on all of them does', () => {
    const input = inputs(GRID_PER_SIDE);
    const rows = GRID_PER_SIDE ** 2;
    const data = assembleManifold(input);
    const full = fitPca(input.gridImages, rows, 1024, 3);
    // Each direction of the full fit lies (almost) in the span of the sampled fit's three.
    for (let j = 0; j < 3; j++) {
      let inSpan = 0;
      for (let i = 0; i < 3; i++) {
        let dot = 0;
        for (let c = 0; c < 1024; c++)
          dot += full.components[j * 1024 + c]! * data.pca.components[i * 1024 + c]!;
        inSpan += dot * dot;
      }
      expect(Math.sqrt(inSpan)).toBeGreaterThan(0.98);
    }
    expect(data.explained).toBeCloseTo(explainedFraction(full), 1);
    expect(data.pca.totalVariance).toBeCloseTo(full.totalVariance, 9); // of the whole grid
  });

  it('keeps the validation images in [-1,1]³ and calls the grid flat when it is nearly one image', () => {
    // Early in a run: every grid image is about the mean cylinder, the validation images are not.
    const base = inputs();
    const flat = decode(gridCodes({ min: [0.5, 0.5], max: [0.51, 0.51] }, 8));
    const codes = Float32Array.from([0.1, 0.1, 0.9, 0.9, 0.1, 0.9, 0.9, 0.1]);
    const data = assembleManifold({
      ...base,
      gridImages: flat,
      reconImages: flat.slice(0, 4 * 1024),
      sample: { codes, factors: codes, count: 4 },
    });
    const all = [...data.gridPositions, ...data.pointPositions, ...data.reconPositions];
    expect(Math.max(...all.map(Math.abs))).toBeLessThanOrEqual(1 + 1e-6);
    expect(data.gridSpread).toBeLessThan(0.1);
  });

  it('places a perfectly reconstructed image exactly where its true image goes', () => {
    const data = assembleManifold(inputs());
    for (let i = 0; i < data.pointPositions.length; i++)
      expect(data.reconPositions[i]).toBeCloseTo(data.pointPositions[i] as number, 5);
  });

  it('puts a grid image on its own vertex, and colours the grid by the nearest points’ factors', () => {
    const perSide = 8;
    const input = inputs(perSide);
    const data = assembleManifold(input);
    const z = gridCodes(input.bounds, perSide);
    const vertex = 9;
    const p = markerPosition(data, input.gridImages.slice(vertex * 1024, (vertex + 1) * 1024), [0, 0]);
    for (let a = 0; a < 3; a++) expect(p[a]).toBeCloseTo(data.gridPositions[3 * vertex + a] as number, 5);
    // With 4 training points and k = 10, every grid point gets their mean.
    expect(data.gridFactors[0]).toBeCloseTo((0.2 + 0.8 + 0.5 + 0.1) / 4, 6);
    expect(z.length).toBe(2 * perSide * perSide);
  });

  it('keeps the picture from flipping when refitted with the previous result', () => {
    const first = assembleManifold(inputs());
    const again = assembleManifold({ ...inputs(), previous: first.pca });
    for (let i = 0; i < first.gridPositions.length; i++)
      expect(again.gridPositions[i]).toBeCloseTo(first.gridPositions[i] as number, 5);
  });
});

describe('surfacePointAt', () => {
  it('returns grid vertices at grid points and interpolates between them', () => {
    const input = inputs(8);
    const data = assembleManifold(input);
    const z = gridCodes(input.bounds, 8);
    const v = 8 * 3 + 5; // row 3, col 5
    const at = surfacePointAt(data, [z[2 * v] as number, z[2 * v + 1] as number]);
    for (let a = 0; a < 3; a++) expect(at[a]).toBeCloseTo(data.gridPositions[3 * v + a] as number, 6);
    const mid = surfacePointAt(data, [
      ((z[2 * v] as number) + (z[2 * v + 2] as number)) / 2,
      z[2 * v + 1] as number,
    ]);
    for (let a = 0; a < 3; a++) {
      const expected =
        ((data.gridPositions[3 * v + a] as number) + (data.gridPositions[3 * (v + 1) + a] as number)) / 2;
      expect(mid[a]).toBeCloseTo(expected, 6);
    }
  });

  it('clamps outside the grid and is what the marker uses without an image (or with a wrong-size one)', () => {
    const data = assembleManifold(inputs(8));
    const corner = surfacePointAt(data, [-5, 5]); // top-left = vertex 0
    for (let a = 0; a < 3; a++) expect(corner[a]).toBeCloseTo(data.gridPositions[a] as number, 6);
    expect(markerPosition(data, null, [-5, 5])).toEqual(corner);
    expect(markerPosition(data, new Float32Array(10), [-5, 5])).toEqual(corner);
  });
});

function model(count: number): ModelState {
  const codes = new Float32Array(2 * count).map((_, i) => (i % 2 ? i / (2 * count) : 1 - i / (2 * count)));
  return {
    info: {
      id: 'x',
      name: 'x',
      source: 'trained',
      config: {} as ModelState['info']['config'],
      metrics: null,
      createdAt: '',
      epochsTrained: 1,
    },
    points: { codes, factors: codes.slice(), count },
    imageSize: 32,
  };
}

describe('samplePoints and estimateFactors', () => {
  it('keeps every point up to MAX_POINTS and an even stride beyond', () => {
    expect(samplePoints(model(10)).count).toBe(10);
    const big = model(MAX_POINTS * 2);
    const s = samplePoints(big);
    expect(s.count).toBe(MAX_POINTS);
    expect(s.codes[2]).toBe(big.points.codes[4]);
    expect(s.factors.length).toBe(2 * MAX_POINTS);
  });

  it('estimates the factors at z from the nearest codes, and gives null without a model', () => {
    const m = model(50); // factors equal codes, so the estimate near a point is close to z
    const f = estimateFactors(m, [0.5, 0.5]);
    expect(f?.height).toBeCloseTo(0.5, 1);
    expect(f?.radius).toBeCloseTo(0.5, 1);
    expect(estimateFactors(null, [0, 0])).toBeNull();
  });
});
