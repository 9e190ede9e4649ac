/**
 * Replacement kernels for the tfjs wasm backend, registered with `tf.registerKernel`.
 *
 * `BatchMatMul` and `_FusedMatMul`: every product of single matrices (float32, bias [n] or none,
 * linear or relu) runs on our own kernel (gemm.ts, about 35 GFLOP/s on our shapes against XNNPACK's
 * 13–23, with no per-call weight repacking); a transposed A is read through its strides and a
 * transposed B is transposed first. What is left goes to the stock kernels, with two repairs:
 * on tfjs-backend-wasm 4.22 `BatchMatMul` with `transposeA`/`transposeB` takes a slow scalar path
 * (1–3 GFLOP/s, see ENVIRONMENT.md), so we transpose explicitly and run the untransposed kernel;
 * and the scalar path of `_FusedMatMul` adds the bias at the wrong index, once per 48-wide block of
 * the shared dimension, and clamps relu/relu6 per block, so we keep that path away from bias and
 * clamps (see `exactBatchedFused`). Each replacement is checked against the cpu backend and against
 * tfjs-core's own op specs (wasm-kernels.test.ts, wasm-kernels-specs.test.ts, gemm.test.ts).
 *
 * The architecture we train is dense only (see model.ts), so no convolution kernels are replaced.
 */
import * as tf from '@tensorflow/tfjs-core';
import { gemm, gemmAvailable } from './gemm';
import { installDenseKernels, uninstallDenseKernels } from './dense-kernels';
import { installLossKernels, uninstallLossKernels } from './loss-kernels';

type KernelArgs = Parameters<tf.KernelFunc>[0];
type AnyBackend = KernelArgs['backend'] & { disposeData(dataId: tf.DataId): void };

/** Kernels this module replaces on the wasm backend. */
export const REPLACED_KERNELS = ['BatchMatMul', '_FusedMatMul', 'Identity'] as const;

/** The stock kernel configs we replaced (setup and dispose included), for `uninstallWasmKernels`. */
const stock = new Map<string, tf.KernelConfig>();

/**
 * Swaps the last two axes of `x` with the wasm backend's Transpose kernel. The kernel is looked up
 * per call rather than captured, so we always run the one registered now, whose setup the engine
 * ran for the current backend instance.
 */
function transposeLastTwo(x: tf.TensorInfo, backend: KernelArgs['backend']): tf.TensorInfo {
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (!transpose) throw new Error('The wasm backend has no Transpose kernel; is it registered?');
  const rank = x.shape.length;
  const perm = [...Array(rank).keys()];
  perm[rank - 1] = rank - 2;
  perm[rank - 2] = rank - 1;
  return transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm } }) as tf.TensorInfo;
}

/**
 * Whether we may rewrite the call: both operands float32 matrices (or batches of them) whose inner
 * dimensions agree. Any other call goes to the stock kernel unchanged, so that it fails (or not)
 * exactly as stock does, with stock's own message naming the caller's transpose flags.
 */
function canUntranspose(
  a: tf.TensorInfo,
  b: tf.TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
): boolean {
  const aRank = a.shape.length;
  const bRank = b.shape.length;
  if (aRank < 2 || bRank < 2 || a.dtype !== 'float32' || b.dtype !== 'float32') return false;
  const innerA = transposeA ? a.shape[aRank - 2] : a.shape[aRank - 1];
  const innerB = transposeB ? b.shape[bRank - 1] : b.shape[bRank - 2];
  return innerA === innerB;
}

/**
 * Wraps a matmul-like stock kernel so that it is always called untransposed: transposed operands
 * are materialised first and disposed after the call. `original` is the stock kernelFunc; it reads
 * the wasm function its own `setupFunc` bound, and we register that `setupFunc` with the wrapper
 * (see `installWasmKernels`), so the binding follows every new backend instance.
 */
function untransposing(original: tf.KernelFunc): tf.KernelFunc {
  return (args: KernelArgs) => {
    const attrs = args.attrs as { transposeA?: boolean; transposeB?: boolean };
    const transposeA = attrs.transposeA === true;
    const transposeB = attrs.transposeB === true;
    const a = args.inputs['a'] as tf.TensorInfo;
    const b = args.inputs['b'] as tf.TensorInfo;
    if ((!transposeA && !transposeB) || !canUntranspose(a, b, transposeA, transposeB)) {
      return original(args);
    }
    const backend = args.backend as AnyBackend;
    const inputs = { ...args.inputs } as Record<string, tf.TensorInfo>;
    const temps: tf.TensorInfo[] = [];
    try {
      if (transposeA) temps.push((inputs['a'] = transposeLastTwo(a, backend)));
      if (transposeB) temps.push((inputs['b'] = transposeLastTwo(b, backend)));
      return original({ inputs, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
    } finally {
      for (const t of temps) backend.disposeData(t.dataId);
    }
  };
}

/** The wasm kernel that applies each `tf.fused` activation on its own ('linear' needs none). */
const ACTIVATION_KERNELS = new Map([
  ['relu', 'Relu'],
  ['relu6', 'Relu6'],
  ['elu', 'Elu'],
  ['sigmoid', 'Sigmoid'],
  ['leakyrelu', 'LeakyRelu'],
  ['prelu', 'Prelu'],
]);

/** Runs the wasm kernel registered now under `name` (looked up per call, like Transpose). */
function runWasmKernel(
  name: string,
  inputs: Record<string, tf.TensorInfo>,
  backend: KernelArgs['backend'],
  attrs: tf.NamedAttrMap = {},
): tf.TensorInfo {
  const kernel = tf.getKernel(name, 'wasm');
  if (!kernel) throw new Error(`The wasm backend has no ${name} kernel; is it registered?`);
  return kernel.kernelFunc({ inputs, backend, attrs }) as tf.TensorInfo;
}

interface FusedInputs {
  a: tf.TensorInfo;
  b: tf.TensorInfo;
  bias?: tf.TensorInfo;
  preluActivationWeights?: tf.TensorInfo;
}
interface FusedAttrs {
  activation?: string;
  leakyreluAlpha?: number;
}

/** Whether the stock scalar path would get this call wrong, and we know how to do it in steps. */
function needsSteps(
  { a, b, bias, preluActivationWeights }: FusedInputs,
  { activation = 'linear' }: FusedAttrs,
): boolean {
  const batched = (t: tf.TensorInfo): boolean => tf.util.sizeFromShape(t.shape.slice(0, -2)) !== 1;
  if (!batched(a) && !batched(b)) return false; // the exact XNNPACK path
  if (bias == null && activation !== 'relu' && activation !== 'relu6') return false; // nothing to get wrong
  if (bias != null && bias.shape.length !== 1) return false; // stock rejects it, with its own message
  if (activation === 'prelu') return preluActivationWeights != null;
  return activation === 'linear' || ACTIVATION_KERNELS.has(activation);
}

/** Applies a `tf.fused` activation to `x` with the backend's own kernel; null for 'linear'. */
function activate(
  x: tf.TensorInfo,
  { preluActivationWeights }: FusedInputs,
  { activation = 'linear', leakyreluAlpha }: FusedAttrs,
  backend: KernelArgs['backend'],
): tf.TensorInfo | null {
  const kernel = ACTIVATION_KERNELS.get(activation);
  if (!kernel) return null;
  if (kernel === 'Prelu') return runWasmKernel(kernel, { x, alpha: preluActivationWeights! }, backend);
  // `|| 0` as the stock kernel reads it; the op always passes one (0.2 unless told).
  if (kernel === 'LeakyRelu') return runWasmKernel(kernel, { x }, backend, { alpha: leakyreluAlpha || 0 });
  return runWasmKernel(kernel, { x }, backend);
}

/**
 * Wraps the stock `_FusedMatMul` so that batched calls stay exact. The stock kernel sends any call
 * with a batch of more than one matrix (or a transpose, which `untransposing` removes first) to a
 * scalar path that adds a rank-1 bias at the wrong index and clamps relu/relu6 on partial sums. For
 * those calls we let it do the plain product only, which that path gets right, then add the bias
 * and apply the activation with the backend's own kernels. Every other call goes to the stock
 * kernel unchanged.
 */
function exactBatchedFused(original: tf.KernelFunc): tf.KernelFunc {
  return (args: KernelArgs) => {
    const inputs = args.inputs as unknown as FusedInputs;
    const attrs = args.attrs as FusedAttrs;
    if (!needsSteps(inputs, attrs)) return original(args);
    const backend = args.backend as AnyBackend;
    const { a, b, bias } = inputs;
    const steps: tf.TensorInfo[] = []; // each kernel output in turn; all but the last are temporary
    try {
      const linear = { ...args.attrs, activation: 'linear' };
      steps.push(original({ inputs: { a, b }, backend, attrs: linear }) as tf.TensorInfo);
      if (bias != null) steps.push(runWasmKernel('Add', { a: steps.at(-1)!, b: bias }, backend));
      const activated = activate(steps.at(-1)!, inputs, attrs, backend);
      if (activated) steps.push(activated);
      return steps.pop()!; // the result is the caller's
    } finally {
      for (const t of steps) backend.disposeData(t.dataId);
    }
  };
}

/**
 * The output shape of a product our kernel takes, or null where it does not: float32 operands
 * whose leading (batch) dimensions are all 1, positive sizes that agree, no activation but relu,
 * and a bias (if any) of exactly [n]. Anything else goes on to the stock kernel.
 */
function ownedShape(
  inputs: FusedInputs,
  transposeA: boolean,
  transposeB: boolean,
  activation: string,
): number[] | null {
  const { a, b, bias, preluActivationWeights } = inputs;
  if (activation !== 'linear' && activation !== 'relu') return null;
  if (preluActivationWeights != null || a.dtype !== 'float32' || b.dtype !== 'float32') return null;
  const aRank = a.shape.length;
  const bRank = b.shape.length;
  if (aRank < 2 || bRank < 2) return null;
  const batchA = a.shape.slice(0, -2);
  const batchB = b.shape.slice(0, -2);
  if (tf.util.sizeFromShape(batchA) !== 1 || tf.util.sizeFromShape(batchB) !== 1) return null;
  const [m, innerA] = transposeA
    ? [a.shape[aRank - 1]!, a.shape[aRank - 2]!]
    : [a.shape[aRank - 2]!, a.shape[aRank - 1]!];
  const [innerB, n] = transposeB
    ? [b.shape[bRank - 1]!, b.shape[bRank - 2]!]
    : [b.shape[bRank - 2]!, b.shape[bRank - 1]!];
  if (innerA !== innerB || m === 0 || n === 0 || innerA === 0) return null;
  if (bias != null && (bias.dtype !== 'float32' || bias.shape.length !== 1 || bias.shape[0] !== n))
    return null;
  return [...(batchA.length >= batchB.length ? batchA : batchB), m, n];
}

/**
 * Sends every product it can to our kernel (gemm.ts): a transposed A is read through strides, a
 * transposed B is transposed first (a copy, as before). Every other call goes to `next`.
 */
function ownProduct(next: tf.KernelFunc): tf.KernelFunc {
  return (args: KernelArgs) => {
    const attrs = args.attrs as FusedAttrs & { transposeA?: boolean; transposeB?: boolean };
    const inputs = args.inputs as unknown as FusedInputs;
    const transposeA = attrs.transposeA === true;
    const transposeB = attrs.transposeB === true;
    const outShape = ownedShape(inputs, transposeA, transposeB, attrs.activation ?? 'linear');
    if (!outShape || !gemmAvailable(args.backend)) return next(args);
    const backend = args.backend as AnyBackend;
    const b = transposeB ? transposeLastTwo(inputs.b, backend) : inputs.b;
    try {
      return gemm(backend, {
        a: inputs.a,
        b,
        transposeA,
        bias: inputs.bias ?? null,
        relu: attrs.activation === 'relu',
        outShape,
      });
    } finally {
      if (b !== inputs.b) backend.disposeData(b.dataId);
    }
  };
}

/**
 * `Identity` (tf.clone, and the engine's copy of every tensor a gradient saves) without a copy: the
 * output shares the input's buffer and takes a reference, as the wasm backend's own Reshape does
 * and as the cpu backend's Identity does. Safe because no wasm kernel writes into an input, and a
 * variable's `assign` swaps its buffer rather than writing into it. The stock kernel copied the
 * whole tensor: 34 copies per training step (the weights snapshot and the tape's saved tensors).
 * Strings keep the stock path.
 */
function sharingIdentity(original: tf.KernelFunc): tf.KernelFunc {
  return (args: KernelArgs) => {
    const x = args.inputs['x'] as tf.TensorInfo;
    const backend = args.backend as AnyBackend & { incRef?(dataId: tf.DataId): void };
    if (x.dtype === 'string' || typeof backend.incRef !== 'function') return original(args);
    backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
}

/** The replacement of a stock kernel. */
function replacement(name: (typeof REPLACED_KERNELS)[number], original: tf.KernelFunc): tf.KernelFunc {
  if (name === 'Identity') return sharingIdentity(original);
  const exact = name === '_FusedMatMul' ? exactBatchedFused(original) : original;
  return ownProduct(untransposing(exact));
}

/**
 * Installs the replacement kernels on the wasm backend. Idempotent.
 *
 * Each replacement is registered with the stock kernel's `setupFunc` and `disposeFunc`: the engine
 * runs `setupFunc` for every backend instance it creates (a re-created backend has a new wasm
 * module), and that is what binds the stock kernel to the current module. Without it, a backend
 * re-created by `tf.removeBackend` + `tf.registerBackend` or `tf.engine().reset()` would call into
 * the disposed module and abort. For the same reason this may be called before or after
 * `tf.setBackend('wasm')`.
 */
export function installWasmKernels(): void {
  installDenseKernels();
  installLossKernels();
  if (stock.size > 0) return;
  if (!tf.getKernel('Transpose', 'wasm')) {
    throw new Error('The wasm backend has no Transpose kernel; is it registered?');
  }
  for (const name of REPLACED_KERNELS) {
    const original = tf.getKernel(name, 'wasm');
    if (!original) continue;
    stock.set(name, original);
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ ...original, kernelFunc: replacement(name, original.kernelFunc) });
  }
}

/** Puts the stock kernels back (the benchmark uses it to measure what the replacements gain). */
export function uninstallWasmKernels(): void {
  uninstallDenseKernels();
  uninstallLossKernels();
  for (const [name, original] of stock) {
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel(original);
  }
  stock.clear();
}
