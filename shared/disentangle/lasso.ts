/**
 * Lasso regression by cyclic coordinate descent on standardised inputs and target (zero mean, unit
 * variance, so the penalty means the same whatever the units),
 * the regressor behind DCI's importance matrix (dci.ts). Why lasso and not a tree ensemble: its
 * weights are deterministic and exactly reproducible from codes.csv with any statistics package
 * (scikit-learn's Lasso with the same alpha gives the same weights), and Eastwood & Williams report
 * DCI with lasso as well as random forests. Its limit: it reads codes linearly, so a factor the
 * codes hold on a curve scores lower informativeness than a nonlinear regressor would give.
 */

export interface LassoFit {
  /** Weights from standardised inputs to the standardised target (comparable magnitudes: DCI's importances). */
  weights: Float64Array;
  /** Predicts y for input rows given as columns in the original units. */
  predict(columns: Float64Array[], row: number): number;
}

/** Fits (y − μ_y)/σ_y ≈ Σ w_d·(x_d − μ_d)/σ_d minimising ½·mean residual² + alpha·Σ|w_d|. */
export function fitLasso(x: Float64Array[], y: Float64Array, alpha: number, iterations = 500): LassoFit {
  const n = y.length;
  const dims = x.length;
  const mu = x.map((c) => c.reduce((s, v) => s + v, 0) / Math.max(1, n));
  const sd = x.map((c, d) => {
    const m = mu[d] as number;
    const v = c.reduce((s, val) => s + (val - m) ** 2, 0) / Math.max(1, n);
    return v > 0 ? Math.sqrt(v) : 0;
  });
  const xs = x.map((c, d) => {
    const s = sd[d] as number;
    const m = mu[d] as number;
    return Float64Array.from(c, (v) => (s > 0 ? (v - m) / s : 0));
  });
  const yMean = y.reduce((s, v) => s + v, 0) / Math.max(1, n);
  const ySd = Math.sqrt(y.reduce((s, v) => s + (v - yMean) ** 2, 0) / Math.max(1, n)) || 1;
  const residual = Float64Array.from(y, (v) => (v - yMean) / ySd);
  const w = new Float64Array(dims);
  for (let it = 0; it < iterations; it++) {
    let change = 0;
    for (let d = 0; d < dims; d++) {
      const col = xs[d]!;
      if (!((sd[d] as number) > 0)) continue;
      // rho = mean(x_d · (r + w_d·x_d)); the standardised column has mean(x_d²) = 1.
      let rho = 0;
      for (let i = 0; i < n; i++)
        rho += (col[i] as number) * ((residual[i] as number) + (w[d] as number) * (col[i] as number));
      rho /= n;
      const next = Math.sign(rho) * Math.max(0, Math.abs(rho) - alpha);
      const delta = next - (w[d] as number);
      if (delta !== 0) {
        for (let i = 0; i < n; i++) residual[i]! -= delta * (col[i] as number);
        w[d] = next;
        change = Math.max(change, Math.abs(delta));
      }
    }
    if (change < 1e-10) break;
  }
  return {
    weights: w,
    predict(columns, row) {
      let out = 0;
      for (let d = 0; d < dims; d++) {
        const s = sd[d] as number;
        if (s > 0) out += (w[d] as number) * (((columns[d]![row] as number) - (mu[d] as number)) / s);
      }
      return yMean + ySd * out;
    },
  };
}
