import { describe, expect, it, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from './backend';
import { REPLACED_KERNELS, installWasmKernels, uninstallWasmKernels } from './wasm-kernels';

/** Runs `f` on a backend and returns its result as plain numbers. */
async function on(backend: string, f: () => tf.Tensor): Promise<Float32Array> {
  tf.setBackend(backend);
  const t = f();
  const out = (await t.data()) as Float32Array;
  t.dispose();
  return out;
}

function rand(shape: number[], seed: number): () => tf.Tensor {
  return () => tf.randomUniform(shape, -1, 1, 'float32', seed);
}

function expectClose(a: Float32Array, b: Float32Array, tol: number): void {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  expect(worst).toBeLessThan(tol);
}

describe('wasm replacement kernels', () => {
  beforeAll(async () => {
    expect(await initBackend({ force: 'wasm' })).toBe('wasm');
  });

  it('read a transposed A in place and transpose only B (the stock kernels transpose neither)', async () => {
    const stockTranspose = tf.getKernel('Transpose', 'wasm')!;
    let transposes = 0;
    // Keeps the stock setupFunc, so a backend created later still binds Transpose to its module.
    const countTransposes = (kernelFunc: tf.KernelFunc): void => {
      tf.unregisterKernel('Transpose', 'wasm');
      tf.registerKernel({ ...stockTranspose, kernelFunc });
    };
    const transposesFor = async (ta: boolean, tb: boolean): Promise<number> => {
      const before = transposes;
      await on('wasm', () => tf.tidy(() => tf.matMul(rand([8, 8], 1)(), rand([8, 8], 2)(), ta, tb)));
      return transposes - before;
    };
    // Reinstalled so that the replacements pick up a Transpose that counts its calls.
    uninstallWasmKernels();
    countTransposes((args) => {
      transposes++;
      return stockTranspose.kernelFunc(args);
    });
    try {
      expect(await transposesFor(true, false)).toBe(0); // stock: a transposeA matmul transposes nothing
      installWasmKernels();
      expect(await transposesFor(true, false)).toBe(0); // our kernel reads Aᵀ through its strides
      expect(await transposesFor(false, true)).toBe(1);
      expect(await transposesFor(true, true)).toBe(1);
      expect(await transposesFor(false, false)).toBe(0);
      for (const name of REPLACED_KERNELS) expect(tf.getKernel(name, 'wasm')).toBeDefined();
    } finally {
      uninstallWasmKernels();
      countTransposes(stockTranspose.kernelFunc);
      installWasmKernels();
    }
  });

  const cases: Array<[string, number[], number[], boolean, boolean]> = [
    ['plain', [7, 33], [33, 5], false, false],
    ['transposeA (weight gradient)', [64, 100], [64, 30], true, false],
    ['transposeB (input gradient)', [64, 30], [100, 30], false, true],
    ['both', [30, 64], [100, 30], true, true],
    ['batched 3-D transposeB', [3, 8, 16], [3, 9, 16], false, true],
  ];
  for (const [name, aShape, bShape, ta, tb] of cases) {
    it(`BatchMatMul ${name} matches the cpu backend`, async () => {
      const f = (): tf.Tensor => tf.tidy(() => tf.matMul(rand(aShape, 1)(), rand(bShape, 2)(), ta, tb));
      const cpu = await on('cpu', f);
      const wasm = await on('wasm', f);
      expectClose(wasm, cpu, 1e-4);
      tf.setBackend('wasm');
    });
  }

  it('_FusedMatMul with bias, relu and transposes matches the cpu backend', async () => {
    const f = (): tf.Tensor =>
      tf.tidy(() =>
        tf.fused.matMul({
          a: rand([20, 12], 3)(),
          b: rand([40, 20], 4)(),
          transposeA: true,
          transposeB: true,
          bias: rand([40], 5)(),
          activation: 'relu',
        }),
      );
    const cpu = await on('cpu', f);
    const wasm = await on('wasm', f);
    expectClose(wasm, cpu, 1e-4);
    tf.setBackend('wasm');
  });

  it('dense-layer gradients match the cpu backend and leak nothing', async () => {
    const f = (): tf.Tensor =>
      tf.tidy(() => {
        const x = rand([16, 50], 6)();
        const w = rand([50, 20], 7)();
        const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.sigmoid(tf.matMul(a, b))));
        const [dx, dw] = g([x, w]);
        return tf.concat([tf.reshape(dx!, [-1]), tf.reshape(dw!, [-1])]);
      });
    await on('cpu', f);
    tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const wasm = await on('wasm', f);
    expect(tf.memory().numTensors).toBe(before);
    expectClose(wasm, await on('cpu', f), 1e-4);
    tf.setBackend('wasm');
  });

  describe('after the wasm backend is re-created', () => {
    /** Transposed products, the calls our replacements rewrite. */
    const matMuls = (): tf.Tensor[] => [
      tf.matMul(rand([64, 100], 11)(), rand([64, 30], 12)(), true, false),
      tf.matMul(rand([64, 30], 13)(), rand([100, 30], 14)(), false, true),
      tf.matMul(rand([30, 64], 15)(), rand([100, 30], 16)(), true, true),
      tf.matMul(rand([3, 16, 8], 17)(), rand([3, 9, 16], 18)(), true, true),
    ];
    /** Fused products with a bias and relu, transposed and batched. */
    const fusedMatMuls = (): tf.Tensor[] => [
      tf.fused.matMul({
        a: rand([20, 12], 19)(),
        b: rand([40, 20], 20)(),
        transposeA: true,
        transposeB: true,
        bias: rand([40], 21)(),
        activation: 'relu',
      }),
      tf.fused.matMul({
        a: rand([3, 12, 60], 22)(),
        b: rand([3, 40, 60], 23)(),
        transposeB: true,
        bias: rand([40], 24)(),
        activation: 'relu',
      }),
    ];
    const flat = (parts: () => tf.Tensor[]) => (): tf.Tensor =>
      tf.tidy(() => tf.concat(parts().map((t) => tf.reshape(t, [-1]))));
    const products = flat(() => [...matMuls(), ...fusedMatMuls()]);

    /** Checks that a fresh wasm backend (a new wasm module) is current and computes right. */
    async function expectFreshBackendCorrect(previous: tf.KernelBackend): Promise<void> {
      expect(tf.getBackend()).toBe('wasm');
      expect(tf.backend()).not.toBe(previous);
      for (const name of REPLACED_KERNELS) expect(tf.getKernel(name, 'wasm')).toBeDefined();
      const cpu = await on('cpu', products);
      expectClose(await on('wasm', products), cpu, 1e-4);
      tf.setBackend('wasm');
    }

    it('removeBackend + registerBackend: products still match the cpu backend', async () => {
      tf.setBackend('wasm');
      const previous = tf.backend();
      const factory = tf.findBackendFactory('wasm');
      expect(factory).toBeTruthy();
      tf.removeBackend('wasm');
      tf.registerBackend('wasm', factory!);
      expect(await tf.setBackend('wasm')).toBe(true);
      await expectFreshBackendCorrect(previous);
    });

    it("engine reset (how tfjs-core's spec runner re-creates backends): products still match", async () => {
      tf.setBackend('wasm');
      const previous = tf.backend();
      tf.engine().reset();
      expect(await tf.setBackend('wasm')).toBe(true);
      await expectFreshBackendCorrect(previous);
    });

    it('uninstall and install on a re-created backend still run the right module', async () => {
      // Only plain products for stock: its _FusedMatMul is wrong with a bias and a transpose or a
      // batch (see wasm-kernels.ts), which is not what this test is about.
      const stockSafe = flat(matMuls);
      uninstallWasmKernels();
      try {
        expectClose(await on('wasm', stockSafe), await on('cpu', stockSafe), 1e-4);
      } finally {
        installWasmKernels();
      }
      expectClose(await on('wasm', products), await on('cpu', products), 1e-4);
      tf.setBackend('wasm');
    });
  });
});

describe('Identity on the wasm backend', () => {
  beforeAll(async () => {
    expect(await initBackend({ force: 'wasm' })).toBe('wasm');
    tf.setBackend('wasm');
  });

  it('shares the buffer: a clone outlives its source, and a variable assigned anew keeps its clone', () => {
    const bytes = tf.memory().numBytes;
    const source = tf.tensor1d([1, 2, 3]);
    const copy = tf.clone(source);
    const backend = tf.backend() as unknown as { getMemoryOffset(id: tf.DataId): number };
    expect(backend.getMemoryOffset(copy.dataId)).toBe(backend.getMemoryOffset(source.dataId));
    source.dispose();
    expect(Array.from(copy.dataSync())).toEqual([1, 2, 3]);
    copy.dispose();
    expect(tf.memory().numBytes).toBe(bytes);

    const v = tf.variable(tf.tensor1d([4, 5]));
    const snapshot = tf.clone(v);
    v.assign(tf.tensor1d([6, 7]));
    expect(Array.from(snapshot.dataSync())).toEqual([4, 5]);
    expect(Array.from(v.dataSync())).toEqual([6, 7]);
    v.assign(snapshot);
    expect(Array.from(v.dataSync())).toEqual([4, 5]);
    snapshot.dispose();
    expect(Array.from(v.dataSync())).toEqual([4, 5]);
    v.dispose();
  });

  it('still copies strings, as stock does', () => {
    const s = tf.tensor1d(['a', 'b'], 'string');
    const c = tf.clone(s);
    s.dispose();
    expect(c.dataSync()).toEqual(['a', 'b']);
    c.dispose();
  });
});
