import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import type { Judgement } from './bank';
import type { SampleLabel } from './labels';
import { scoreSamples } from './scores';

const judged = (height: number, radius: number, residual = 0): Judgement => ({ height, radius, residual });

describe('scoreSamples', () => {
  it('gives exact precision, recall and novelty on hand-made judgements', () => {
    // Training factors (0.1, 0.1) and (0.9, 0.9); plausible samples 0.05 (3-4-5) and 0.1 away.
    const trainFactors = new Float32Array([0.1, 0.1, 0.9, 0.9]);
    const judgements = [judged(0.13, 0.14), judged(0.9, 0.8), judged(0.91, 0.81), judged(0.5, 0.5, 9)];
    const labels: SampleLabel[] = ['C', 'C', 'C', 'A'];
    const scores = scoreSamples({ judgements, labels, trainFactors, rng: createRng(1) });
    expect(scores.n).toBe(4);
    expect(scores.precision).toBe(0.75);
    expect(scores.recall).toBe(2 / 256); // (0.13, 0.14) in cell (2, 2); both others in (14, 12)
    const third = Math.hypot(0.91 - 0.9, 0.81 - 0.9);
    expect(scores.novelty).toBeCloseTo((0.05 + 0.1 + third) / 3, 6);
    expect(scores.recallBaseline).toBe(1 - (255 / 256) ** 4);
  });

  it('has an exact recall baseline that matches simulated coverage of n uniform true cylinders', () => {
    const n = 64;
    const rng = createRng(11);
    const trials = 2000;
    let covered = 0;
    for (let t = 0; t < trials; t++) {
      const cells = new Set<number>();
      for (let i = 0; i < n; i++) cells.add(Math.floor(rng() * 16) * 16 + Math.floor(rng() * 16));
      covered += cells.size / 256;
    }
    const judgements = Array.from({ length: n }, () => judged(0.5, 0.5));
    const labels = judgements.map((): SampleLabel => 'A');
    const scores = scoreSamples({ judgements, labels, trainFactors: new Float32Array([0, 0]), rng });
    expect(scores.recallBaseline).toBeCloseTo(covered / trials, 2);
  });

  it('draws the novelty baseline from the rng given: as many uniform points as plausible samples', () => {
    const trainFactors = new Float32Array([0.2, 0.3, 0.7, 0.6, 0.5, 0.5]);
    const judgements = [judged(0.1, 0.1), judged(0.2, 0.2), judged(0.3, 0.3, 1)];
    const labels: SampleLabel[] = ['C', 'C', 'A'];
    const scores = scoreSamples({ judgements, labels, trainFactors, rng: createRng(5) });
    const draw = createRng(5);
    let total = 0;
    for (let i = 0; i < 2; i++) {
      const [h, r] = [draw(), draw()];
      total += Math.min(
        Math.hypot(h - 0.2, r - 0.3),
        Math.hypot(h - 0.7, r - 0.6),
        Math.hypot(h - 0.5, r - 0.5),
      );
    }
    expect(scores.noveltyBaseline).toBeCloseTo(total / 2, 6);
    expect(scoreSamples({ judgements, labels, trainFactors, rng: createRng(5) })).toEqual(scores);
  });

  it('has a novelty baseline near the mean distance of the unit square to its centre', () => {
    // E|U − (½, ½)| for U uniform on [0,1]² = (√2 + ln(1 + √2)) / 6 ≈ 0.3826.
    const judgements = Array.from({ length: 4000 }, () => judged(0.5, 0.5));
    const labels = judgements.map((): SampleLabel => 'C');
    const scores = scoreSamples({
      judgements,
      labels,
      trainFactors: new Float32Array([0.5, 0.5]),
      rng: createRng(8),
    });
    expect(scores.novelty).toBe(0);
    expect(scores.noveltyBaseline).toBeCloseTo((Math.SQRT2 + Math.log(1 + Math.SQRT2)) / 6, 2);
  });

  it('reports NaN novelty when nothing is plausible, and rejects no samples or bad factors', () => {
    const none = scoreSamples({
      judgements: [judged(0.5, 0.5, 1)],
      labels: ['A'],
      trainFactors: new Float32Array([0.5, 0.5]),
      rng: createRng(1),
    });
    expect(none.precision).toBe(0);
    expect(none.recall).toBe(0);
    expect(none.novelty).toBeNaN();
    expect(none.noveltyBaseline).toBeNaN();
    const input = {
      labels: [] as SampleLabel[],
      trainFactors: new Float32Array([0.5, 0.5]),
      rng: createRng(1),
    };
    expect(() => scoreSamples({ ...input, judgements: [] })).toThrow(
      'scoreSamples needs at least one sample',
    );
    expect(() =>
      scoreSamples({
        judgements: [judged(0, 0)],
        labels: ['C'],
        trainFactors: new Float32Array(3),
        rng: createRng(1),
      }),
    ).toThrow('trainFactors must hold (height, radius) pairs, got length 3');
  });
});
