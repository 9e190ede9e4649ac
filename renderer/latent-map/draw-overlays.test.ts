import { describe, expect, it } from 'vitest';
import { drawAggregate } from './draw-aggregate';
import { drawSelectionEllipses } from './draw-selection';
import { drawTrails, trailCount } from './draw-trails';
import { AGGREGATE_CONTOUR, PRIOR_CONTOUR, SELECTION_ELLIPSE } from './map-palette';
import type { HdrContour } from './pmodel-overlay';

/** A 2-D context that records the calls it is asked to make, and the stroke colour of each stroke. */
function recorder() {
  const calls: { name: string; args: unknown[]; strokeStyle: unknown }[] = [];
  const state: Record<string, unknown> = {};
  const ctx = new Proxy(state, {
    get: (t, k) =>
      typeof k === 'string' && !(k in t)
        ? (...args: unknown[]) => calls.push({ name: k, args, strokeStyle: t.strokeStyle })
        : t[k as string],
    set: (t, k, v) => {
      t[k as string] = v;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, calls, named: (n: string) => calls.filter((c) => c.name === n) };
}

const VP = { centerZ1: 0, centerZ2: 0, scale: 20, width: 400, height: 300 };

describe('the selection’s posterior ellipses on the map', () => {
  it('are axis-aligned ellipses at μ with radii σ·scale, in one faint stroke, skipping those out of view', () => {
    const { ctx, named } = recorder();
    // μ = (1, 2), σ = (0.5, 0.25); then one far off-screen.
    const drawn = drawSelectionEllipses(ctx, VP, Float32Array.of(1, 2, 0.5, 0.25, 100, 0, 0.1, 0.1));
    expect(drawn).toBe(1);
    expect(named('ellipse').map((c) => c.args.slice(0, 5))).toEqual([[220, 110, 10, 5, 0]]);
    expect(named('stroke')).toHaveLength(1);
    expect(named('stroke')[0]!.strokeStyle).toBe(SELECTION_ELLIPSE);
  });
});

describe('the aggregate posterior’s contours on the map', () => {
  it('stroke every segment of each contour in its own colour, apart from the prior’s, and label the widest', () => {
    const contour = (segments: number[], anchor: [number, number] | null): HdrContour => ({
      level: 0,
      label: '',
      segments: Float32Array.from(segments),
      anchor,
    });
    const { ctx, named } = recorder();
    drawAggregate(
      ctx,
      VP,
      [contour([0, 0, 1, 0], [1, 0]), contour([0, 0, 0, 1, 1, 1, 2, 2], [2, 2])],
      'aggregate q(z)',
    );
    expect(named('lineTo').map((c) => c.args)).toEqual([
      [220, 150],
      [200, 130],
      [240, 110],
    ]);
    expect(named('stroke').map((c) => c.strokeStyle)).toEqual([AGGREGATE_CONTOUR, AGGREGATE_CONTOUR]);
    expect(AGGREGATE_CONTOUR).not.toBe(PRIOR_CONTOUR);
    expect(named('fillText').map((c) => c.args)).toEqual([['aggregate q(z)', 240, 105]]);
  });
});

describe('the timeline’s trails between two epochs', () => {
  it('run from each point’s earlier code to its code now, and need the same points at both', () => {
    const { ctx, named } = recorder();
    const from = Float32Array.of(0, 0, 1, 1);
    const to = Float32Array.of(2, 0, 1, -1);
    expect(trailCount(from, to)).toBe(2);
    expect(trailCount(from, Float32Array.of(0, 0))).toBe(0);
    expect(trailCount(null, to)).toBe(0);
    drawTrails(ctx, VP, from, to);
    // Two passes (faint whole line, stronger last third), one segment per point each.
    const moves = named('moveTo').map((c) => c.args);
    const lines = named('lineTo').map((c) => c.args);
    expect(moves).toHaveLength(4);
    expect(lines).toHaveLength(4);
    // Screen: x = 200 + 20·z₁, y = 150 − 20·z₂. The first point goes (0,0) → (2,0).
    expect(moves[0]).toEqual([200, 150]);
    expect(lines[0]).toEqual([240, 150]);
    expect(moves[2]![0]).toBeCloseTo(200 + (40 * 2) / 3);
    expect(named('stroke')).toHaveLength(2);
    // Different point counts (another model): nothing drawn.
    const other = recorder();
    drawTrails(other.ctx, VP, from, Float32Array.of(0, 0));
    expect(other.calls).toHaveLength(0);
  });
});
