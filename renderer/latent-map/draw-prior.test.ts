import { describe, expect, it } from 'vitest';
import { drawPrior, PRIOR_MASSES, priorRadius } from './draw-prior';

describe("the VAE prior's circles", () => {
  it('hold 50 %, 90 % and 99 % of a 2-D standard normal', () => {
    expect(priorRadius(0.5)).toBeCloseTo(1.17741, 5);
    expect(priorRadius(0.9)).toBeCloseTo(2.14597, 5);
    expect(priorRadius(0.99)).toBeCloseTo(3.03485, 5);
    // The mass inside radius r of N(0, I₂) is 1 − exp(−r²/2); checked by counting a fine grid too.
    const r = priorRadius(0.9);
    let inside = 0;
    let total = 0;
    for (let x = -6; x <= 6; x += 0.02) {
      for (let y = -6; y <= 6; y += 0.02) {
        const p = Math.exp(-(x * x + y * y) / 2);
        total += p;
        if (x * x + y * y <= r * r) inside += p;
      }
    }
    expect(inside / total).toBeCloseTo(0.9, 2);
    expect(() => priorRadius(1)).toThrow(/in \(0, 1\)/);
  });

  it('are drawn around z = 0, their radii in latent units times the scale', () => {
    const arcs: number[][] = [];
    const ctx = new Proxy(
      { arc: (...a: number[]) => arcs.push(a) },
      { get: (t, k) => (k in t ? t[k as 'arc'] : () => undefined), set: () => true },
    ) as unknown as CanvasRenderingContext2D;
    drawPrior(ctx, { centerZ1: 1, centerZ2: -1, scale: 20, width: 400, height: 300 }, 'prior N(0, I)');
    // z = 0 lies 1 unit left of and 1 unit above the centre (200, 150).
    expect(arcs.map(([x, y, radius]) => [x, y, Number(radius!.toFixed(3))])).toEqual(
      PRIOR_MASSES.map((m) => [180, 130, Number((priorRadius(m) * 20).toFixed(3))]),
    );
  });
});
