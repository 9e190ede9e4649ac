import { describe, expect, it, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../shared/random';
import { initBackend } from './backend';
import { SIGMOID_MSE, installLossKernels, sigmoidMse, uninstallLossKernels } from './loss-kernels';

/** Deterministic float32 values in [−scale, scale) (shared/random.ts). */
function values(size: number, seed: number, scale = 1): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: size }, () => (2 * rng() - 1) * scale);
}

/** Loss, decoded images and the gradient at the logits of loss + Σ decoded·r, on the active backend. */
function lossAndGradient(rows: number, cols: number): Float32Array[] {
  return tf.tidy(() => {
    const u = tf.tensor2d(values(rows * cols, 1, 4), [rows, cols]);
    const x = tf.tensor2d(
      values(rows * cols, 2).map((v) => (v + 1) / 2),
      [rows, cols],
    );
    const r = tf.tensor2d(values(rows * cols, 3, 0.01), [rows, cols]);
    const { recon, decoded } = sigmoidMse(u, x);
    const onlyLoss = tf.grad((uu: tf.Tensor) => sigmoidMse(uu as tf.Tensor2D, x).recon)(u);
    const both = tf.grad((uu: tf.Tensor) => {
      const out = sigmoidMse(uu as tf.Tensor2D, x);
      return tf.add(out.recon, tf.sum(tf.mul(out.decoded, r)));
    })(u);
    return [recon, decoded, onlyLoss, both].map((t) => t.dataSync() as Float32Array);
  });
}

function worst(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let w = 0;
  for (let i = 0; i < a.length; i++) w = Math.max(w, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(b[i]!)));
  return w;
}

describe('the fused sigmoid + MSE loss kernel', () => {
  beforeAll(async () => {
    expect(await initBackend({ force: 'wasm' })).toBe('wasm');
    tf.setBackend('wasm');
  });

  for (const [rows, cols] of [
    [1, 1],
    [3, 7],
    [64, 1024],
  ] as const) {
    it(`${rows}×${cols}: loss, images and gradients (with and without the images' own) match tfjs ops on the cpu backend`, async () => {
      const ours = lossAndGradient(rows, cols);
      await tf.setBackend('cpu');
      const cpu = lossAndGradient(rows, cols);
      await tf.setBackend('wasm');
      for (let i = 0; i < 4; i++) expect(worst(ours[i]!, cpu[i]!)).toBeLessThan(1e-5);
    });
  }

  it('is one kernel forward and one backward, and leaks nothing', async () => {
    lossAndGradient(4, 5);
    const before = tf.memory().numTensors;
    const info = await tf.profile(() => lossAndGradient(8, 9));
    const names = info.kernels.map((k) => k.name);
    expect(names.filter((n) => n === SIGMOID_MSE)).toHaveLength(3); // one per call in lossAndGradient
    expect(names).not.toContain('SquaredDifference');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('uses tfjs ops when the kernels are not installed, with the same result', () => {
    const ours = lossAndGradient(5, 6);
    uninstallLossKernels();
    try {
      const stock = lossAndGradient(5, 6);
      for (let i = 0; i < 4; i++) expect(worst(ours[i]!, stock[i]!)).toBeLessThan(1e-6);
    } finally {
      installLossKernels();
    }
  });

  it('refuses images of another shape, and a gradient with respect to the images, by name', () => {
    tf.tidy(() => {
      expect(() => sigmoidMse(tf.zeros([2, 3]), tf.zeros([3, 2]))).toThrow(/one shape/);
      const u = tf.zeros([2, 3]) as tf.Tensor2D;
      expect(() =>
        tf.grad((x: tf.Tensor) => sigmoidMse(u, x as tf.Tensor2D).recon)(tf.zeros([2, 3])),
      ).toThrow(/no gradient with respect to the images/);
    });
  });
});
