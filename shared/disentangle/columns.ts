/**
 * Interleaved samples as columns: the layout the disentanglement scores (mig.ts, sap.ts, dci.ts)
 * read codes and factors in. Codes and factors cross the app interleaved (z1, z2, z1, z2, …).
 */

/** The `dims` columns of `count` interleaved rows. */
export function columnsOf(interleaved: ArrayLike<number>, dims: number): Float64Array[] {
  if (dims <= 0 || interleaved.length % dims !== 0) {
    throw new Error(`expected rows of ${dims} values, got ${interleaved.length} values`);
  }
  const count = interleaved.length / dims;
  return Array.from({ length: dims }, (_, d) => {
    const col = new Float64Array(count);
    for (let i = 0; i < count; i++) col[i] = interleaved[i * dims + d] as number;
    return col;
  });
}

/**
 * The columns of interleaved codes (latentDim per row) and factors (factorDim per row); throws,
 * naming the score `who`, when they hold different numbers of rows.
 */
export function pairedColumns(
  codes: ArrayLike<number>,
  factors: ArrayLike<number>,
  latentDim: number,
  factorDim: number,
  who: string,
): { z: Float64Array[]; v: Float64Array[]; n: number } {
  const z = columnsOf(codes, latentDim);
  const v = columnsOf(factors, factorDim);
  const n = z[0]?.length ?? 0;
  if (n !== (v[0]?.length ?? 0)) throw new Error(`${who}: ${n} codes but ${v[0]?.length ?? 0} factor rows`);
  return { z, v, n };
}

/** Mean and variance (population) of a column. */
export function meanVar(col: ArrayLike<number>): { mean: number; variance: number } {
  let mean = 0;
  for (let i = 0; i < col.length; i++) mean += col[i] as number;
  mean /= Math.max(1, col.length);
  let variance = 0;
  for (let i = 0; i < col.length; i++) variance += ((col[i] as number) - mean) ** 2;
  return { mean, variance: variance / Math.max(1, col.length) };
}

/** Whether every value of the column is (numerically) the same: no information to score. */
export function isConstant(col: ArrayLike<number>): boolean {
  const { mean, variance } = meanVar(col);
  return !(variance > 1e-12 * Math.max(1, mean * mean));
}
