/**
 * Replacement kernels for the tfjs wasm backend, registered with `tf.registerKernel`.
 *
 * Why: on tfjs-backend-wasm 4.22 `BatchMatMul` with `transposeA`/`transposeB` takes a slow
 * scalar path (1–3 GFLOP/s against 16–26 GFLOP/s untransposed, see ENVIRONMENT.md), and every
 * dense-layer gradient (dW = xᵀ·dy, dx = dy·Wᵀ) asks for exactly that. We transpose the operand
 * explicitly (a cheap memory copy) and then run the fast untransposed kernel. The same holds for
 * `_FusedMatMul`. Each replacement is tested against the cpu backend (wasm-kernels.test.ts).
 *
 * The architecture we train is dense only (see model.ts), so no convolution kernels are replaced.
 */
import * as tf from '@tensorflow/tfjs-core';

type KernelArgs = Parameters<tf.KernelFunc>[0];
type AnyBackend = KernelArgs['backend'] & { disposeData(dataId: tf.DataId): void };

/** Kernels this module replaces on the wasm backend. */
export const REPLACED_KERNELS = ['BatchMatMul', '_FusedMatMul'] as const;

/** The stock kernels we replaced, kept for `uninstallWasmKernels`. */
const stock = new Map<string, tf.KernelConfig>();

/** Swaps the last two axes of `x` with the backend's own Transpose kernel. */
function transposeLastTwo(x: tf.TensorInfo, transpose: tf.KernelFunc, args: KernelArgs): tf.TensorInfo {
  const rank = x.shape.length;
  const perm = [...Array(rank).keys()];
  perm[rank - 1] = rank - 2;
  perm[rank - 2] = rank - 1;
  return transpose({ inputs: { x }, backend: args.backend, attrs: { perm } }) as tf.TensorInfo;
}

/**
 * Wraps a matmul-like kernel so that it is always called untransposed: transposed operands are
 * materialised first and disposed after the call.
 */
function untransposing(original: tf.KernelFunc, transpose: tf.KernelFunc): tf.KernelFunc {
  return (args: KernelArgs) => {
    const attrs = args.attrs as { transposeA?: boolean; transposeB?: boolean };
    if (!attrs.transposeA && !attrs.transposeB) return original(args);
    const backend = args.backend as AnyBackend;
    const inputs = { ...args.inputs } as Record<string, tf.TensorInfo>;
    const temps: tf.TensorInfo[] = [];
    if (attrs.transposeA) {
      const t = transposeLastTwo(inputs['a'] as tf.TensorInfo, transpose, args);
      temps.push(t);
      inputs['a'] = t;
    }
    if (attrs.transposeB) {
      const t = transposeLastTwo(inputs['b'] as tf.TensorInfo, transpose, args);
      temps.push(t);
      inputs['b'] = t;
    }
    try {
      return original({ inputs, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
    } finally {
      for (const t of temps) backend.disposeData(t.dataId);
    }
  };
}

/**
 * Installs the replacement kernels on the wasm backend. Call after `tf.setBackend('wasm')`
 * has resolved (the original kernels' setup functions must have run). Idempotent.
 */
export function installWasmKernels(): void {
  if (stock.size > 0) return;
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (!transpose) throw new Error('The wasm backend has no Transpose kernel; is it registered?');
  for (const name of REPLACED_KERNELS) {
    const original = tf.getKernel(name, 'wasm');
    if (!original) continue;
    stock.set(name, original);
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({
      kernelName: name,
      backendName: 'wasm',
      kernelFunc: untransposing(original.kernelFunc, transpose.kernelFunc),
    });
  }
}

/** Puts the stock kernels back (the benchmark uses it to measure what the replacements gain). */
export function uninstallWasmKernels(): void {
  for (const [name, original] of stock) {
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc: original.kernelFunc });
  }
  stock.clear();
}
