import { describe, expect, it } from 'vitest';
import { topEigenpairs } from './power-iteration';

describe('topEigenpairs', () => {
  it('finds the eigenvalues of a known symmetric matrix', () => {
    // Eigenvalues of [[2,1],[1,2]] are 3 (along (1,1)) and 1 (along (1,-1)).
    const { values, vectors } = topEigenpairs(Float64Array.from([2, 1, 1, 2]), 2, 2, {
      tolerance: 1e-12,
      maxIterations: 1000,
      starts: undefined,
    });
    expect(values[0]).toBeCloseTo(3, 10);
    expect(values[1]).toBeCloseTo(1, 10);
    expect(Math.abs(vectors[0] as number)).toBeCloseTo(Math.SQRT1_2, 8);
    expect((vectors[2] as number) * (vectors[3] as number)).toBeCloseTo(-0.5, 8);
  });
});
