import { describe, expect, it, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../shared/random';
import { initBackend } from './backend';
import { DENSE, denseLayer, installDenseKernels, uninstallDenseKernels } from './dense-kernels';

/** Deterministic float32 values in [−1, 1) (shared/random.ts). */
function values(size: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: size }, () => 2 * rng() - 1);
}

/** Output and gradients (x, W, b) of sum(layer · r) for a fixed r, on the active backend. */
function forwardAndGrads(
  [rows, inputs, outputs]: [number, number, number],
  activation: 'relu' | 'linear',
): Float32Array[] {
  return tf.tidy(() => {
    const x = tf.tensor2d(values(rows * inputs, 1), [rows, inputs]);
    const w = tf.tensor2d(values(inputs * outputs, 2), [inputs, outputs]);
    const b = tf.tensor1d(values(outputs, 3));
    const r = tf.tensor2d(values(rows * outputs, 4), [rows, outputs]);
    const y = denseLayer(x, w, b, activation);
    const g = tf.grads((xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) =>
      tf.sum(tf.mul(denseLayer(xx as tf.Tensor2D, ww as tf.Tensor2D, bb as tf.Tensor1D, activation), r)),
    );
    return [y, ...g([x, w, b])].map((t) => t.dataSync() as Float32Array);
  });
}

function worstDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

describe('the fused dense-layer kernels', () => {
  beforeAll(async () => {
    expect(await initBackend({ force: 'wasm' })).toBe('wasm');
    tf.setBackend('wasm');
  });

  const shapes: Array<[number, number, number]> = [
    [1, 1, 1],
    [5, 9, 13],
    [64, 130, 37],
  ];
  for (const shape of shapes) {
    for (const activation of ['relu', 'linear'] as const) {
      it(`${activation} ${shape.join('×')}: output and dx, dW, db match the cpu backend's fused matMul`, async () => {
        const ours = forwardAndGrads(shape, activation);
        await tf.setBackend('cpu');
        const cpu = forwardAndGrads(shape, activation);
        await tf.setBackend('wasm');
        for (let i = 0; i < 4; i++) expect(worstDifference(ours[i]!, cpu[i]!)).toBeLessThan(1e-4);
      });
    }
  }

  it('runs a layer as one kernel forward and only the gradients asked for backward', () => {
    const names: string[] = [];
    const x = tf.tensor2d(values(8 * 6, 5), [8, 6]);
    const w = tf.variable(tf.tensor2d(values(6 * 4, 6), [6, 4]));
    const b = tf.variable(tf.tensor1d(values(4, 7)));
    try {
      const profile = tf.profile(() =>
        tf.tidy(() => {
          const { value, grads } = tf.variableGrads(() => tf.sum(denseLayer(x, w, b, 'relu')), [w, b]);
          return [value, ...Object.values(grads)];
        }),
      );
      return profile.then((info) => {
        for (const k of info.kernels) names.push(k.name);
        expect(names.filter((n) => n === DENSE)).toHaveLength(1);
        expect(names).toContain('AtlasDenseGradWeights');
        expect(names).toContain('AtlasDenseGradBias');
        expect(names).not.toContain('AtlasDenseGradInput'); // x is a constant: no dx
        expect(names).not.toContain('BatchMatMul');
        tf.dispose(info.result as tf.Tensor[]);
      });
    } finally {
      x.dispose();
      w.dispose();
      b.dispose();
    }
  });

  it('leaks no tensor forward or backward', () => {
    tf.tidy(() => forwardAndGrads([16, 20, 8], 'relu')); // warm up
    const before = tf.memory().numTensors;
    const bytes = tf.memory().numBytes;
    forwardAndGrads([16, 20, 8], 'relu');
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.memory().numBytes).toBe(bytes);
  });

  it('falls back to tfjs fused matMul when the kernels are not installed, with the same result', () => {
    const ours = forwardAndGrads([7, 11, 9], 'relu');
    uninstallDenseKernels();
    try {
      const stock = forwardAndGrads([7, 11, 9], 'relu');
      for (let i = 0; i < 4; i++) expect(worstDifference(ours[i]!, stock[i]!)).toBeLessThan(1e-5);
    } finally {
      installDenseKernels();
    }
  });

  it('refuses shapes and activations it does not handle, with a message naming them', () => {
    const run = (inputs: tf.NamedTensorMap, activation: string): unknown =>
      tf.engine().runKernel(DENSE, inputs, { activation });
    tf.tidy(() => {
      const x = tf.zeros([2, 3]);
      const w = tf.zeros([3, 4]);
      expect(() => run({ x, W: w, b: tf.zeros([4]) }, 'elu')).toThrow(/unsupported activation "elu"/);
      expect(() => run({ x, W: tf.zeros([5, 4]), b: tf.zeros([4]) }, 'relu')).toThrow(/do not fit/);
      expect(() => run({ x, W: w, b: tf.zeros([3]) }, 'relu')).toThrow(/do not fit/);
      expect(() => run({ x: tf.zeros([2, 3, 1]), W: w, b: tf.zeros([4]) }, 'relu')).toThrow(/float32 matrix/);
    });
  });
});
