import { describe, expect, it } from 'vitest';
import { placeAxisLabels, tickText, type AxisLabel, type MeasureText } from './axis-labels';
import type { Viewport } from './viewport';

/** About the widths of the map's fonts: 6.3 px per monospace tick character, 7.5 per name character. */
const measure: MeasureText = (text, kind) => text.length * (kind === 'tick' ? 6.3 : 7.5);
const NAMES = ['z₁ →', 'z₂ ↑'] as const;

function box(l: AxisLabel) {
  return { x0: l.x, x1: l.x + measure(l.text, l.kind), y0: l.y - 11, y1: l.y + 3 };
}

function overlap(a: AxisLabel, b: AxisLabel): boolean {
  const p = box(a);
  const q = box(b);
  return p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;
}

/** Views of the map at 1280×720 (602×395 px) and 1440×900, panned and zoomed about the data. */
function views(): Viewport[] {
  const out: Viewport[] = [];
  for (const [width, height] of [
    [602, 395],
    [734, 600],
    [420, 300],
  ] as const) {
    for (const scale of [3, 9.7, 14.2, 19.9, 41, 561]) {
      for (const [c1, c2] of [
        [0, 0],
        [2.5, 7.3],
        [-13, 4],
        [0.3, -0.2],
      ] as const) {
        out.push({ centerZ1: c1, centerZ2: c2, scale, width, height });
      }
    }
  }
  return out;
}

describe('placeAxisLabels', () => {
  it('never lets two labels touch, nor one leave the canvas, whatever the view', () => {
    for (const vp of views()) {
      const labels = placeAxisLabels(vp, measure, NAMES);
      for (const l of labels) {
        const b = box(l);
        expect(b.x0, `${l.text} in ${JSON.stringify(vp)}`).toBeGreaterThanOrEqual(0);
        expect(b.x1, `${l.text} in ${JSON.stringify(vp)}`).toBeLessThanOrEqual(vp.width);
        expect(b.y0).toBeGreaterThanOrEqual(0);
        expect(b.y1).toBeLessThanOrEqual(vp.height);
      }
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const [a, b] = [labels[i]!, labels[j]!];
          expect(overlap(a, b), `${a.text} and ${b.text} collide in ${JSON.stringify(vp)}`).toBe(false);
        }
      }
    }
  });

  it('keeps both axis names, at the ends their arrows point to, and the 0 ticks in the middle', () => {
    // The bundled model's view at 1280×720: once "−10" (z₂) and "−20" (z₁) were drawn over each other.
    const vp: Viewport = { centerZ1: 2.5, centerZ2: 7.3, scale: 9.7, width: 602, height: 395 };
    const labels = placeAxisLabels(vp, measure, NAMES);
    const names = labels.filter((l) => l.kind === 'name');
    expect(names.map((l) => l.text)).toEqual(['z₁ →', 'z₂ ↑']);
    expect(names[0]!.x).toBeGreaterThan(vp.width / 2);
    expect(names[1]!.y).toBeLessThan(vp.height / 2);
    const ticks = labels.filter((l) => l.kind === 'tick');
    const bottom = ticks.filter((l) => l.y > vp.height - 10).map((l) => l.text);
    const left = ticks.filter((l) => l.x < 10 && l.y <= vp.height - 10).map((l) => l.text);
    expect(bottom).toContain('0');
    expect(left).toContain('0');
    expect(bottom.length).toBeGreaterThanOrEqual(5);
    expect(left.length).toBeGreaterThanOrEqual(3);
  });

  it('writes tick values with a true minus and no float noise', () => {
    expect(tickText(-10)).toBe('−10');
    expect(tickText(0.1 + 0.2)).toBe('0.3');
    expect(tickText(-0)).toBe('0');
  });
});
