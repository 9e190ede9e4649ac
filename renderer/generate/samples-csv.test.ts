import { describe, expect, it } from 'vitest';
import { CSV_HEADER, samplesCsv } from './samples-csv';

describe('samplesCsv', () => {
  it('writes one row per sample with its judgement', () => {
    const z = Float32Array.from([0.5, -1, 2, 0.25]);
    const judgements = [
      { height: 0.1, radius: 0.2, residual: 0.01 },
      { height: 0.9, radius: 0.4, residual: 1.5 },
    ];
    const lines = samplesCsv(z, judgements, ['C', 'A']).trim().split('\n');
    expect(lines).toEqual([CSV_HEADER, '0.5,-1,0.1000,0.2000,0.01000,C', '2,0.25,0.9000,0.4000,1.500,A']);
  });

  it('leaves the judged columns empty before judging', () => {
    expect(samplesCsv(Float32Array.from([1, 2]), null, null)).toBe(`${CSV_HEADER}\n1,2,,,,\n`);
  });
});
