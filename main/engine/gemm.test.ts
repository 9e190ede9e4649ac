import { afterEach, describe, expect, it, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../shared/random';
import { initBackend } from './backend';
import { type GemmVariant, fmaSupported, gemmAvailable, gemmVariant, setGemmVariant } from './gemm';
import { installWasmKernels, uninstallWasmKernels } from './wasm-kernels';

const f32 = Math.fround;

/** Deterministic float32 values in [−1, 1) (shared/random.ts). */
function values(size: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: size }, () => 2 * rng() - 1);
}

/**
 * The kernel's contract, in JS: Σ over p in increasing order, every multiply and add rounded to
 * float32 (`round`; Number for a float64 reference), then + bias (rounded), then relu.
 */
function reference(
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
  transposeA: boolean,
  bias: Float32Array | null,
  relu: boolean,
  round: (x: number) => number = f32,
): Float32Array {
  const out = new Float32Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let p = 0; p < k; p++) {
        const aip = transposeA ? a[p * m + i]! : a[i * k + p]!;
        acc = round(acc + round(aip * b[p * n + j]!));
      }
      if (bias) acc = round(acc + bias[j]!);
      out[i * n + j] = relu ? Math.max(acc, 0) : acc;
    }
  }
  return out;
}

describe('the wasm matrix-product kernel', () => {
  beforeAll(async () => {
    expect(await initBackend({ force: 'wasm' })).toBe('wasm');
    tf.setBackend('wasm');
  });

  afterEach(() => setGemmVariant('auto'));

  it('runs on the wasm backend, with the multiply-add build where relaxed SIMD exists', () => {
    expect(gemmAvailable(tf.backend())).toBe(true);
    expect(fmaSupported()).toBe(true); // initBackend turns relaxed SIMD on where Node has it behind a flag
    expect(gemmVariant()).toBe('fma');
  });

  // Shapes with every tail: m mod 4, n mod 8 (a 4-wide tile and single columns), k of 1.
  const shapes: Array<[number, number, number]> = [
    [1, 1, 1],
    [3, 5, 7],
    [4, 8, 8],
    [5, 9, 13],
    [13, 2, 33],
    [8, 1, 12],
    [64, 300, 37],
    [9, 1100, 530], // more than one slice of the shared dimension and one block of columns
  ];
  const variants: Array<[GemmVariant, string]> = [
    ['mul-add', 'equals the float32 reference bit for bit'],
    ['fma', 'is within rounding of the float64 reference'],
  ];
  for (const [m, k, n] of shapes) {
    for (const transposeA of [false, true]) {
      for (const [variant, claim] of variants) {
        it(`${variant}: ${m}×${k}·${k}×${n}${transposeA ? ' (Aᵀ)' : ''} ${claim}, with and without bias and relu`, () => {
          setGemmVariant(variant);
          const a = values(m * k, m * 7 + k);
          const b = values(k * n, n * 13 + k);
          const bias = values(n, 99);
          for (const [withBias, relu] of [
            [false, false],
            [true, false],
            [false, true],
            [true, true],
          ] as const) {
            const got = tf.tidy(() =>
              tf.fused
                .matMul({
                  a: tf.tensor2d(a, transposeA ? [k, m] : [m, k]),
                  b: tf.tensor2d(b, [k, n]),
                  transposeA,
                  bias: withBias ? tf.tensor1d(bias) : undefined,
                  activation: relu ? 'relu' : 'linear',
                })
                .dataSync(),
            ) as Float32Array;
            if (variant === 'mul-add') {
              expect(Array.from(got)).toEqual(
                Array.from(reference(a, b, m, k, n, transposeA, withBias ? bias : null, relu)),
              );
            } else {
              const exact = reference(a, b, m, k, n, transposeA, withBias ? bias : null, relu, Number);
              for (let i = 0; i < got.length; i++) expect(Math.abs(got[i]! - exact[i]!)).toBeLessThan(1e-4);
            }
          }
        });
      }
    }
  }

  it('propagates NaN and infinity as IEEE float32 does', () => {
    const got = tf.tidy(() =>
      tf
        .matMul(tf.tensor2d([Number.NaN, 1, Infinity, 1], [2, 2]), tf.tensor2d([1, 0, 0, 1], [2, 2]))
        .dataSync(),
    );
    expect(Number.isNaN(got[0])).toBe(true);
    expect(Number.isNaN(got[1])).toBe(true); // NaN·0
    expect(got[2]).toBe(Infinity);
    expect(Number.isNaN(got[3])).toBe(true); // ∞·0
  });

  it('takes the products it owns and leaves batched ones to the stock kernel', () => {
    const stockKernel = tf.getKernel('BatchMatMul', 'wasm');
    uninstallWasmKernels();
    const original = tf.getKernel('BatchMatMul', 'wasm')!;
    let stockCalls = 0;
    tf.unregisterKernel('BatchMatMul', 'wasm');
    tf.registerKernel({
      ...original,
      kernelFunc: (args) => {
        stockCalls++;
        return original.kernelFunc(args);
      },
    });
    try {
      installWasmKernels();
      tf.tidy(() => tf.matMul(tf.ones([6, 5]), tf.ones([5, 9])).dataSync());
      tf.tidy(() => tf.matMul(tf.ones([1, 6, 5]), tf.ones([5, 9]), false, false).dataSync());
      tf.tidy(() => tf.matMul(tf.ones([5, 6]), tf.ones([9, 5]), true, true).dataSync());
      expect(stockCalls).toBe(0);
      const batched = tf.tidy(() => tf.matMul(tf.ones([3, 6, 5]), tf.ones([3, 5, 9])).dataSync());
      expect(stockCalls).toBe(1);
      expect(Array.from(batched).every((v) => v === 5)).toBe(true);
    } finally {
      uninstallWasmKernels();
      tf.unregisterKernel('BatchMatMul', 'wasm');
      tf.registerKernel(original);
      installWasmKernels();
      expect(stockKernel).toBeDefined();
    }
  });
});
