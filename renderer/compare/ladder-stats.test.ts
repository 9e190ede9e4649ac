import { describe, expect, it } from 'vitest';
import type { LadderPoint } from '../../shared/api';
import { formatSpread, rowsByBeta, spreadOf } from './ladder-stats';

function point(beta: number, seed: number, rate: number, mig: number): LadderPoint {
  return {
    runId: 'r',
    id: `r-${beta}-${seed}`,
    index: 0,
    beta,
    seed,
    rate,
    nmse: 0.1,
    seconds: 1,
    metrics: {
      disentanglement: {
        mig,
        migPerFactor: [mig, mig],
        sap: 0.2,
        dci: { disentanglement: 0.5, completeness: 0.5, informativeness: 0.9 },
        note: null,
      },
    } as LadderPoint['metrics'],
  };
}

describe('ladder-stats', () => {
  it('computes the sample standard deviation', () => {
    const s = spreadOf([1, 2, 3, 4, 5]);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(spreadOf([7]).sd).toBeNull();
  });

  it('groups the seeds of each β, in ascending β', () => {
    const rows = rowsByBeta([point(3, 1, 1, 0.2), point(0.1, 1, 5, 0.1), point(3, 2, 3, 0.4)]);
    expect(rows.map((r) => r.beta)).toEqual([0.1, 3]);
    expect(rows[1]!.runs).toBe(2);
    expect(rows[1]!.rate.mean).toBe(2);
    expect(rows[1]!.mig.sd).toBeCloseTo(Math.sqrt(0.02), 12);
    expect(formatSpread(rows[1]!.rate)).toBe('2.00 ± 1.41');
    expect(formatSpread(rows[0]!.rate)).toBe('5.00');
  });
});
