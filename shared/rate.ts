/**
 * The rate of a VAE's encoder: how many nats its posteriors q(z|x) = N(μ, diag(exp(logVar))) carry
 * beyond the prior N(0, I), averaged over images. KL(q‖p) = ½ Σ_d (μ_d² + exp(logVar_d) − 1 − logVar_d)
 * per image: 0 when the encoder ignores its input (posterior collapse), larger as it says more. The
 * rate–distortion curve of the β ladder plots it against the reconstruction error.
 */

/**
 * Mean KL(q(z|x) ‖ N(0, I)) in nats per image, of interleaved means and log-variances (latentDim
 * per row); 0 for no rows.
 *
 * @example rateOf(new Float32Array([0, 0]), new Float32Array([0, 0])) // 0: the posterior is the prior
 * @example rateOf(new Float32Array([1, 0]), new Float32Array([0, 0])) // 0.5
 */
export function rateOf(codes: ArrayLike<number>, logVar: ArrayLike<number>, latentDim = 2): number {
  if (codes.length !== logVar.length) throw new Error('rateOf: codes and logVar differ in length');
  const rows = Math.floor(codes.length / latentDim);
  if (rows === 0) return 0;
  let sum = 0;
  for (let k = 0; k < rows * latentDim; k++) {
    const mu = codes[k]!;
    const lv = logVar[k]!;
    sum += 0.5 * (mu * mu + Math.exp(lv) - 1 - lv);
  }
  return sum / rows;
}
