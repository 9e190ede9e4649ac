/**
 * k-nearest-neighbour regression over 2-D points, and R². The engine uses it for factor fidelity
 * (how well z predicts height and radius); the UI uses it to colour grid points and draw iso-lines.
 */

/**
 * For each 2-D query point, the mean of `trainY` over its `k` nearest training points (Euclidean).
 * Ties in distance go to the lower training index, so results are deterministic. If `k` exceeds the
 * number of training points, all of them are used.
 *
 * Brute force with a running top-k (insertion into a sorted buffer of k): O(train · query · small),
 * about 10 ms for 3200 train × 800 queries, so no spatial index is needed at these sizes.
 *
 * @param trainX interleaved 2-D points, length 2·n
 * @param trainY interleaved targets, `dimY` per point, length dimY·n
 * @param queryX interleaved 2-D points, length 2·m
 * @returns interleaved predictions, length dimY·m
 * @example knnRegress(codes, factors, 2, gridPoints, 10) // (height, radius) at each grid point
 */
export function knnRegress(
  trainX: Float32Array,
  trainY: Float32Array,
  dimY: number,
  queryX: Float32Array,
  k: number,
): Float32Array {
  const trainCount = validateKnnArgs(trainX, trainY, dimY, queryX, k);
  const queryCount = queryX.length / 2;
  const kUsed = Math.min(k, trainCount);
  const out = new Float32Array(queryCount * dimY);
  const bestDist = new Float64Array(kUsed);
  const bestIndex = new Int32Array(kUsed);
  for (let q = 0; q < queryCount; q++) {
    const qx = queryX[2 * q] as number;
    const qy = queryX[2 * q + 1] as number;
    let found = 0;
    for (let i = 0; i < trainCount; i++) {
      const dx = (trainX[2 * i] as number) - qx;
      const dy = (trainX[2 * i + 1] as number) - qy;
      const d = dx * dx + dy * dy;
      if (found === kUsed && d >= (bestDist[kUsed - 1] as number)) continue;
      // Insert into the sorted buffer, dropping the farthest when full.
      let slot = found < kUsed ? found++ : kUsed - 1;
      while (slot > 0 && (bestDist[slot - 1] as number) > d) {
        bestDist[slot] = bestDist[slot - 1] as number;
        bestIndex[slot] = bestIndex[slot - 1] as number;
        slot--;
      }
      bestDist[slot] = d;
      bestIndex[slot] = i;
    }
    for (let j = 0; j < dimY; j++) {
      let sum = 0;
      for (let n = 0; n < kUsed; n++) sum += trainY[(bestIndex[n] as number) * dimY + j] as number;
      out[q * dimY + j] = sum / kUsed;
    }
  }
  return out;
}

/**
 * Coefficient of determination of one column of interleaved rows: 1 − SS_res / SS_tot.
 * 1 = perfect, 0 = no better than predicting the mean, negative = worse. When the true column is
 * constant, returns 1 if the predictions match it exactly and 0 otherwise.
 *
 * @param yTrue, yPred interleaved rows of `dim` values each, same length
 * @param index which column, 0 ≤ index < dim
 * @example r2(valFactors, predicted, 2, 0) // R² for height
 */
export function r2(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, dim: number, index: number): number {
  if (!Number.isInteger(dim) || dim < 1)
    throw new Error(`dim must be a positive integer, got ${String(dim)}`);
  if (!Number.isInteger(index) || index < 0 || index >= dim) {
    throw new Error(`index must be an integer in [0, ${dim - 1}], got ${String(index)}`);
  }
  if (yTrue.length !== yPred.length || yTrue.length % dim !== 0 || yTrue.length === 0) {
    throw new Error(
      `yTrue and yPred must have the same non-zero length, a multiple of dim=${dim}; got ${yTrue.length} and ${yPred.length}`,
    );
  }
  const rows = yTrue.length / dim;
  let mean = 0;
  for (let i = 0; i < rows; i++) mean += yTrue[i * dim + index] as number;
  mean /= rows;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < rows; i++) {
    const t = yTrue[i * dim + index] as number;
    const p = yPred[i * dim + index] as number;
    ssRes += (t - p) ** 2;
    ssTot += (t - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}

/** Checks shapes and finiteness; returns the number of training points. */
function validateKnnArgs(
  trainX: Float32Array,
  trainY: Float32Array,
  dimY: number,
  queryX: Float32Array,
  k: number,
): number {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, got ${String(k)}`);
  if (!Number.isInteger(dimY) || dimY < 1)
    throw new Error(`dimY must be a positive integer, got ${String(dimY)}`);
  if (trainX.length % 2 !== 0 || queryX.length % 2 !== 0) {
    throw new Error(
      `trainX and queryX must hold interleaved 2-D points (even length), got ${trainX.length} and ${queryX.length}`,
    );
  }
  const trainCount = trainX.length / 2;
  if (trainCount === 0) throw new Error('knnRegress needs at least one training point');
  if (trainY.length !== trainCount * dimY) {
    throw new Error(`trainY must have length dimY·n = ${trainCount * dimY}, got ${trainY.length}`);
  }
  if (!allFinite(trainX) || !allFinite(trainY) || !allFinite(queryX)) {
    throw new Error('knnRegress inputs must be finite (found NaN or Infinity)');
  }
  return trainCount;
}

function allFinite(xs: Float32Array): boolean {
  for (let i = 0; i < xs.length; i++) if (!Number.isFinite(xs[i])) return false;
  return true;
}
