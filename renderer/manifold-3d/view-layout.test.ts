import { describe, expect, it } from 'vitest';
import { PerspectiveCamera, Vector3 } from 'three';
import { fitView, insetLayout } from './view-layout';

describe('insetLayout', () => {
  it('keeps the inset between its limits and shifts the view only on wide canvases', () => {
    expect(insetLayout(700, 440)).toEqual({ size: 112, margin: 10, caption: 34, shift: 122 });
    const narrow = insetLayout(300, 260);
    expect(narrow.size).toBe(84);
    expect(narrow.shift).toBe(0);
  });
});

describe('fitView', () => {
  it('aims at the middle of the extent and stands back just enough (known answer)', () => {
    // Looking down −z from +z, fov 90° (tan 45° = 1): points at x ∈ [2, 4], y = ±1 on the plane z = 0.
    const points = [2, 1, 0, 4, -1, 0, 3, 0, 0];
    const fit = fitView(points, [0, 0, 1], 90, 1, 0);
    expect(fit.target[0]).toBeCloseTo(3, 9);
    expect(fit.target[1]).toBeCloseTo(0, 9);
    expect(fit.distance).toBeCloseTo(1, 9);
    // A narrower view needs more distance for the same horizontal half-extent.
    expect(fitView(points, [0, 0, 1], 90, 0.5, 0).distance).toBeCloseTo(2, 9);
  });

  it('puts every point inside the view, with the margin, and at least one near its edge', () => {
    let seed = 5;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const points = Array.from({ length: 300 }, () => [rand() * 1.5 + 0.4, rand() * 0.6, rand()]).flat();
    const dir = new Vector3(2.1, 1.35, 3.1).normalize();
    const aspect = 1.3;
    const fit = fitView(points, dir.toArray() as [number, number, number], 38, aspect, 0.06);
    const camera = new PerspectiveCamera(38, aspect, 0.01, 100);
    const target = new Vector3().fromArray(fit.target);
    camera.position.copy(dir).multiplyScalar(fit.distance).add(target);
    camera.lookAt(target);
    camera.updateMatrixWorld();
    let edge = 0;
    for (let i = 0; i < points.length; i += 3) {
      const ndc = new Vector3(points[i], points[i + 1], points[i + 2]).project(camera);
      expect(Math.abs(ndc.x)).toBeLessThanOrEqual(0.94 + 1e-9);
      expect(Math.abs(ndc.y)).toBeLessThanOrEqual(0.94 + 1e-9);
      edge = Math.max(edge, Math.abs(ndc.x), Math.abs(ndc.y));
    }
    expect(edge).toBeGreaterThan(0.93);
  });
});
