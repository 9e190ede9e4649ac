/**
 * Checks shared by every family: the codes a density is fitted to and the arguments of `sample`.
 * Each failure is a DensityError whose message names the value and its allowed range.
 */
import { DENSITY_LIMITS, DensityError } from './types';

/**
 * The number of 2-D points in interleaved `codes`, after checking that there are at least
 * `DENSITY_LIMITS.minCodes` of them and that every value is finite.
 *
 * @example checkCodes(new Float32Array([0, 0, 1, 0, 0, 1])) // 3
 */
export function checkCodes(codes: ArrayLike<number>): number {
  if (codes.length % 2 !== 0) {
    throw new DensityError(`Codes must come in (z1, z2) pairs; got ${codes.length} values.`);
  }
  const n = codes.length / 2;
  if (n < DENSITY_LIMITS.minCodes) {
    throw new DensityError(`A p_model needs at least ${DENSITY_LIMITS.minCodes} codes to fit; got ${n}.`);
  }
  for (let i = 0; i < codes.length; i++) {
    if (!Number.isFinite(codes[i])) {
      throw new DensityError(`Code ${Math.floor(i / 2)} is not a finite number; cannot fit.`);
    }
  }
  return n;
}

/** Throws unless `n` is a whole sample count and `temperature` a spread factor within the limits. */
export function checkSampleArgs(n: number, temperature: number): void {
  const [nMin, nMax] = DENSITY_LIMITS.sampleCount;
  if (!Number.isInteger(n) || n < nMin || n > nMax) {
    throw new DensityError(`Sample count N must be a whole number from ${nMin} to ${nMax}; got ${n}.`);
  }
  const [tMin, tMax] = DENSITY_LIMITS.temperature;
  if (!Number.isFinite(temperature) || temperature < tMin || temperature > tMax) {
    throw new DensityError(`Temperature must be from ${tMin} to ${tMax}; got ${temperature}.`);
  }
}

/** Calls `logOne(z1, z2)` for each interleaved pair of `z`: the batched logDensity of a family. */
export function mapPairs(z: ArrayLike<number>, logOne: (z1: number, z2: number) => number): Float64Array {
  const out = new Float64Array(Math.floor(z.length / 2));
  for (let i = 0; i < out.length; i++) out[i] = logOne(z[2 * i] as number, z[2 * i + 1] as number);
  return out;
}
