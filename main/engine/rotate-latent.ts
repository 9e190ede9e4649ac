/**
 * Turning a model's latent axes by an angle θ without changing what it does (issue 12): the
 * encoder's mean head is composed with the rotation R(θ) and the decoder's first layer with its
 * inverse, so decode'(R·z) = decode(z) and encode'(x) = R·encode(x). Every decoded image stays the
 * same; only the coordinates turn: the non-identifiability of a learned representation.
 *
 * Only an autoencoder turns exactly. A VAE's encoder gives a diagonal covariance, which a rotation
 * would make full: the turned model would be a different model (its KL and its samples would
 * change), which is also why β-VAEs prefer some axes at all.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Autoencoder } from './model';

/** Why a VAE is not rotated (shown to the user). */
export const VAE_NOT_ROTATABLE =
  "A VAE's latent cannot be rotated exactly: its encoder's covariance is diagonal in its own axes, and turned it would no longer be. Rotate an autoencoder's latent instead.";

/**
 * Rotates `model`'s latent space in place by `angle` radians (counter-clockwise on the map).
 * Throws for a VAE (VAE_NOT_ROTATABLE) or a non-finite angle.
 *
 * @example rotateLatent(model, Math.PI / 2) // a code (1, 0) is now (0, 1); the images do not change
 */
export function rotateLatent(model: Autoencoder, angle: number): void {
  if (!Number.isFinite(angle)) throw new Error(`The rotation angle must be finite (got ${angle}).`);
  if (model.zLogVar) throw new Error(VAE_NOT_ROTATABLE);
  const first = model.decoder[0];
  if (!first) throw new Error('The model has no decoder layer to rotate.');
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  tf.tidy(() => {
    // Column convention z' = R z; the layers multiply row vectors: z'ᵀ = zᵀ Rᵀ and z = Rᵀ z' (zᵀ = z'ᵀ R).
    const r = tf.tensor2d([c, -s, s, c], [2, 2]);
    const rT = tf.tensor2d([c, s, -s, c], [2, 2]);
    model.zMean.kernel.assign(tf.matMul(model.zMean.kernel as tf.Tensor2D, rT));
    const bias = tf.reshape(model.zMean.bias, [1, 2]) as tf.Tensor2D;
    model.zMean.bias.assign(tf.reshape(tf.matMul(bias, rT), [2]));
    first.kernel.assign(tf.matMul(r, first.kernel as tf.Tensor2D));
  });
}
