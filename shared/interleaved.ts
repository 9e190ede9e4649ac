/**
 * Interleaved arrays: `dim` channels per point, point `i` at `values[i*dim .. i*dim + dim)`, e.g.
 * latent codes (z1, z2) or true factors (height, radius) with `dim` = 2.
 */

/**
 * Channel `c` of interleaved values with `dim` channels per point, as its own array; a trailing
 * incomplete point is left out.
 *
 * @example channel(Float32Array.from([1, 2, 3, 4, 5, 6]), 2, 1) // Float32Array [2, 4, 6]
 */
export function channel(interleaved: Float32Array, dim: number, c: number): Float32Array {
  const n = Math.floor(interleaved.length / dim);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = interleaved[i * dim + c] as number;
  return out;
}
