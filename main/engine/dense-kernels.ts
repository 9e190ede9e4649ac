/**
 * One dense layer as one tfjs kernel, forward and backward: `AtlasDense` (y = act(x·W + b)) with a
 * registered gradient of three kernels, one per input (dx, dW, db), each a single pass on the wasm
 * heap (gemm.ts).
 *
 * Why (issue 11): inside a gradient tape tfjs does not fuse a relu layer, so one layer cost
 * BatchMatMul + Add + Relu forward and Step, Cast, Multiply, two BatchMatMul, a Transpose and a Sum
 * backward, each with the engine's bookkeeping; the engine's overhead outside kernels was about a
 * fifth of a training step. Now a layer is one kernel forward and at most three backward, and the
 * tape only asks for the gradients it needs (no dx for the input layer).
 *
 * The results are the same arithmetic tfjs performs, float32 for float32 (relu mask as dy·step(y),
 * the bias gradient a column sum, both products in increasing order of the shared index), so a
 * model trains the same whether or not these kernels are installed, up to the summation order of
 * the bias gradient (dense-kernels.test.ts). They exist on the wasm backend only; `denseLayer`
 * uses tfjs's fused matMul anywhere else (the cpu fallback).
 */
import * as tf from '@tensorflow/tfjs-core';
import { gemm, gemmAvailable, heapOf, type HeapBackend } from './gemm';

export const DENSE = 'AtlasDense';
export const DENSE_GRAD_INPUT = 'AtlasDenseGradInput';
export const DENSE_GRAD_WEIGHTS = 'AtlasDenseGradWeights';
export const DENSE_GRAD_BIAS = 'AtlasDenseGradBias';
const KERNELS = [DENSE, DENSE_GRAD_INPUT, DENSE_GRAD_WEIGHTS, DENSE_GRAD_BIAS] as const;

/** The activations one kernel applies (sigmoid layers use 'linear' and then tf.sigmoid). */
export type DenseActivation = 'relu' | 'linear';

type KernelArgs = Parameters<tf.KernelFunc>[0];

function activationOf(attrs: KernelArgs['attrs']): DenseActivation {
  const activation = (attrs as { activation?: unknown } | undefined)?.activation;
  if (activation !== 'relu' && activation !== 'linear') {
    throw new Error(`${DENSE}: unsupported activation ${JSON.stringify(activation)} (relu or linear).`);
  }
  return activation;
}

function matrix(t: tf.TensorInfo | undefined, what: string): tf.TensorInfo {
  if (!t || t.shape.length !== 2 || t.dtype !== 'float32') {
    throw new Error(
      `${DENSE}: ${what} must be a float32 matrix, got ${t ? `${t.dtype} [${t.shape.join(', ')}]` : 'nothing'}.`,
    );
  }
  return t;
}

/**
 * The gradient at the layer's pre-activation, g = dy · step(y) for relu (a temporary the caller
 * frees when it differs from dy) or dy itself for linear.
 */
function preActivationGradient(args: KernelArgs): tf.TensorInfo {
  const dy = matrix(args.inputs['dy'], 'dy');
  if (activationOf(args.attrs) === 'linear') return dy;
  const y = matrix(args.inputs['y'], 'y');
  if (y.shape[0] !== dy.shape[0] || y.shape[1] !== dy.shape[1])
    throw new Error(`${DENSE}: dy and y differ in shape.`);
  const { kernels, b } = heapOf(args.backend, DENSE);
  const g = b.makeOutput(dy.shape, 'float32');
  kernels.relu_mask(
    b.getMemoryOffset(dy.dataId),
    b.getMemoryOffset(y.dataId),
    b.getMemoryOffset(g.dataId),
    tf.util.sizeFromShape(dy.shape),
  );
  return g;
}

/** Runs `f` with the pre-activation gradient and frees it afterwards if it was a temporary. */
function withGradient(args: KernelArgs, f: (g: tf.TensorInfo) => tf.TensorInfo): tf.TensorInfo {
  const g = preActivationGradient(args);
  try {
    return f(g);
  } finally {
    if (g !== args.inputs['dy']) (args.backend as unknown as HeapBackend).disposeData(g.dataId);
  }
}

/** y = act(x·W + b): x [B, in], W [in, out], b [out]. */
function denseForward(args: KernelArgs): tf.TensorInfo {
  const x = matrix(args.inputs['x'], 'x');
  const w = matrix(args.inputs['W'], 'W');
  const bias = args.inputs['b'];
  if (x.shape[1] !== w.shape[0] || !bias || bias.shape.length !== 1 || bias.shape[0] !== w.shape[1]) {
    throw new Error(`${DENSE}: shapes x [${x.shape}], W [${w.shape}], b [${bias?.shape ?? ''}] do not fit.`);
  }
  return gemm(args.backend, {
    a: x,
    b: w,
    transposeA: false,
    bias,
    relu: activationOf(args.attrs) === 'relu',
    outShape: [x.shape[0]!, w.shape[1]!],
  });
}

/** dx = g·Wᵀ, with Wᵀ made in one transpose pass. */
function denseGradInput(args: KernelArgs): tf.TensorInfo {
  const w = matrix(args.inputs['W'], 'W');
  return withGradient(args, (g) => {
    const { kernels, b } = heapOf(args.backend, DENSE);
    const [inputs, outputs] = [w.shape[0]!, w.shape[1]!];
    const wt = b.makeOutput([outputs, inputs], 'float32');
    try {
      kernels.transpose(b.getMemoryOffset(w.dataId), b.getMemoryOffset(wt.dataId), inputs, outputs);
      return gemm(args.backend, {
        a: g,
        b: wt,
        transposeA: false,
        bias: null,
        relu: false,
        outShape: [g.shape[0]!, inputs],
      });
    } finally {
      b.disposeData(wt.dataId);
    }
  });
}

/** dW = xᵀ·g, xᵀ read through strides. */
function denseGradWeights(args: KernelArgs): tf.TensorInfo {
  const x = matrix(args.inputs['x'], 'x');
  return withGradient(args, (g) =>
    gemm(args.backend, {
      a: x,
      b: g,
      transposeA: true,
      bias: null,
      relu: false,
      outShape: [x.shape[1]!, g.shape[1]!],
    }),
  );
}

/** db = Σ over rows of g. */
function denseGradBias(args: KernelArgs): tf.TensorInfo {
  return withGradient(args, (g) => {
    const { kernels, b } = heapOf(args.backend, DENSE);
    const [rows, cols] = [g.shape[0]!, g.shape[1]!];
    const db = b.makeOutput([cols], 'float32');
    kernels.colsum(b.getMemoryOffset(g.dataId), b.getMemoryOffset(db.dataId), rows, cols);
    return db;
  });
}

const FUNCS: Record<(typeof KERNELS)[number], tf.KernelFunc> = {
  [DENSE]: denseForward,
  [DENSE_GRAD_INPUT]: denseGradInput,
  [DENSE_GRAD_WEIGHTS]: denseGradWeights,
  [DENSE_GRAD_BIAS]: denseGradBias,
};

let gradientRegistered = false;

/**
 * Registers the four kernels on the wasm backend (and, once, the layer's gradient). They bind to
 * the heap per call, so a re-created backend needs no setup. Idempotent.
 */
export function installDenseKernels(): void {
  for (const kernelName of KERNELS) {
    if (!tf.getKernel(kernelName, 'wasm'))
      tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: FUNCS[kernelName] });
  }
  if (gradientRegistered) return;
  gradientRegistered = true;
  tf.registerGradient({
    kernelName: DENSE,
    inputsToSave: ['x', 'W'],
    outputsToSave: [true],
    gradFunc: (dy, saved, attrs) => {
      const [x, w, y] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
      const run = (name: string, inputs: tf.NamedTensorMap): tf.Tensor =>
        tf.engine().runKernel(name, inputs, attrs as tf.NamedAttrMap) as tf.Tensor;
      const g = dy as tf.Tensor;
      return {
        x: () => run(DENSE_GRAD_INPUT, { dy: g, y, W: w }),
        W: () => run(DENSE_GRAD_WEIGHTS, { dy: g, y, x }),
        b: () => run(DENSE_GRAD_BIAS, { dy: g, y }),
      };
    },
  });
}

/** Removes the kernels (the benchmark compares with and without them); the gradient stays. */
export function uninstallDenseKernels(): void {
  for (const kernelName of KERNELS)
    if (tf.getKernel(kernelName, 'wasm')) tf.unregisterKernel(kernelName, 'wasm');
}

/**
 * A dense layer: one `AtlasDense` kernel where it is installed on the active wasm backend, tfjs's
 * fused matMul anywhere else. x [B, in], W [in, out], b [out] → [B, out].
 */
export function denseLayer(
  x: tf.Tensor2D,
  w: tf.Tensor2D,
  b: tf.Tensor1D,
  activation: DenseActivation,
): tf.Tensor2D {
  const backend = tf.backend();
  if (tf.getBackend() === 'wasm' && tf.getKernel(DENSE, 'wasm') && gemmAvailable(backend)) {
    return tf.engine().runKernel(DENSE, { x, W: w, b }, { activation }) as unknown as tf.Tensor2D;
  }
  return tf.fused.matMul({ a: x, b: w, bias: b, activation }) as tf.Tensor2D;
}
