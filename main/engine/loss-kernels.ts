/**
 * The reconstruction loss as one tfjs kernel: `AtlasSigmoidMse` takes the decoder's logits u and
 * the images x and returns [mean((sigmoid(u) − x)²), sigmoid(u)], with a registered gradient that
 * is one pass on the wasm heap (gemm.ts): du = (2/N·dLoss·(ŷ − x) + dŷ)·ŷ(1 − ŷ).
 *
 * Why (issue 11): as tfjs ops the loss was Sigmoid, SquaredDifference and Mean forward and about
 * nine kernels backward (Mean's division, SquaredDifference's Sub and Multiplys, Sigmoid's
 * gradient), each with the engine's bookkeeping; about a tenth of a training step.
 *
 * The sigmoid is the wasm backend's own kernel. The sum of squares runs in four float32 lanes (tfjs
 * sums in another order, so the loss agrees to float32 rounding, not bit for bit). On other
 * backends `sigmoidMse` uses the tfjs ops.
 */
import * as tf from '@tensorflow/tfjs-core';
import { heapKernelsOf, heapOf } from './gemm';

export const SIGMOID_MSE = 'AtlasSigmoidMse';
export const SIGMOID_MSE_GRAD = 'AtlasSigmoidMseGrad';

type KernelArgs = Parameters<tf.KernelFunc>[0];

function sameFloatShape(
  a: tf.TensorInfo | undefined,
  b: tf.TensorInfo | undefined,
  what: string,
): [tf.TensorInfo, tf.TensorInfo] {
  if (!a || !b || a.dtype !== 'float32' || b.dtype !== 'float32' || !tf.util.arraysEqual(a.shape, b.shape)) {
    throw new Error(`${SIGMOID_MSE}: ${what} must be float32 tensors of one shape.`);
  }
  return [a, b];
}

/** [loss, ŷ] from logits u and images x. */
function sigmoidMseForward(args: KernelArgs): tf.TensorInfo[] {
  const [u, x] = sameFloatShape(args.inputs['logits'], args.inputs['x'], 'logits and x');
  const { kernels, b } = heapOf(args.backend, SIGMOID_MSE);
  const sigmoid = tf.getKernel('Sigmoid', 'wasm');
  if (!sigmoid) throw new Error('The wasm backend has no Sigmoid kernel; is it registered?');
  const decoded = sigmoid.kernelFunc({ inputs: { x: u }, backend: args.backend, attrs: {} }) as tf.TensorInfo;
  const count = tf.util.sizeFromShape(x.shape);
  const sum = kernels.sqdiff_sum(b.getMemoryOffset(decoded.dataId), b.getMemoryOffset(x.dataId), count);
  const loss = b.makeOutput([], 'float32');
  b.typedArrayFromHeap(loss)[0] = count > 0 ? sum / count : Number.NaN;
  return [loss, decoded];
}

/** du from dLoss (a scalar), optionally dŷ, and the saved ŷ and x. */
function sigmoidMseGradient(args: KernelArgs): tf.TensorInfo {
  const [decoded, x] = sameFloatShape(args.inputs['decoded'], args.inputs['x'], 'decoded and x');
  const dLoss = args.inputs['dLoss'];
  const dDecoded = args.inputs['dDecoded'];
  const { kernels, b } = heapOf(args.backend, SIGMOID_MSE);
  const count = tf.util.sizeFromShape(x.shape);
  const scale = dLoss ? (2 * (b.typedArrayFromHeap(dLoss)[0] ?? 0)) / count : 0;
  if (dDecoded) sameFloatShape(dDecoded, x, 'dDecoded and x');
  const out = b.makeOutput(x.shape, 'float32');
  kernels.sigmoid_mse_grad(
    b.getMemoryOffset(decoded.dataId),
    b.getMemoryOffset(x.dataId),
    dDecoded ? b.getMemoryOffset(dDecoded.dataId) : 0,
    b.getMemoryOffset(out.dataId),
    count,
    scale,
    dDecoded ? 1 : 0,
  );
  return out;
}

let gradientRegistered = false;

/** Registers the two kernels on the wasm backend (and, once, the gradient). Idempotent. */
export function installLossKernels(): void {
  if (!tf.getKernel(SIGMOID_MSE, 'wasm')) {
    tf.registerKernel({ kernelName: SIGMOID_MSE, backendName: 'wasm', kernelFunc: sigmoidMseForward });
  }
  if (!tf.getKernel(SIGMOID_MSE_GRAD, 'wasm')) {
    tf.registerKernel({ kernelName: SIGMOID_MSE_GRAD, backendName: 'wasm', kernelFunc: sigmoidMseGradient });
  }
  if (gradientRegistered) return;
  gradientRegistered = true;
  tf.registerGradient({
    kernelName: SIGMOID_MSE,
    inputsToSave: ['x'],
    outputsToSave: [false, true],
    gradFunc: (dys, saved) => {
      const [dLoss, dDecoded] = dys as Array<tf.Tensor | null>;
      const [x, decoded] = saved as [tf.Tensor, tf.Tensor];
      const inputs: tf.NamedTensorMap = { decoded, x };
      if (dLoss) inputs['dLoss'] = dLoss;
      if (dDecoded) inputs['dDecoded'] = dDecoded;
      return {
        logits: () => tf.engine().runKernel(SIGMOID_MSE_GRAD, inputs, {}) as tf.Tensor,
        x: () => {
          throw new Error(`${SIGMOID_MSE}: no gradient with respect to the images.`);
        },
      };
    },
  });
}

/** Removes the kernels (the benchmark compares with and without them); the gradient stays. */
export function uninstallLossKernels(): void {
  for (const name of [SIGMOID_MSE, SIGMOID_MSE_GRAD])
    if (tf.getKernel(name, 'wasm')) tf.unregisterKernel(name, 'wasm');
}

/**
 * The decoded images ŷ = sigmoid(logits) and the reconstruction loss mean((ŷ − x)²): one kernel
 * where it is installed on the active wasm backend, tfjs ops anywhere else.
 */
export function sigmoidMse(logits: tf.Tensor2D, x: tf.Tensor2D): { recon: tf.Scalar; decoded: tf.Tensor2D } {
  if (tf.getBackend() === 'wasm' && tf.getKernel(SIGMOID_MSE, 'wasm') && heapKernelsOf(tf.backend())) {
    const [recon, decoded] = tf.engine().runKernel(SIGMOID_MSE, { logits, x }, {}) as unknown as [
      tf.Scalar,
      tf.Tensor2D,
    ];
    return { recon, decoded };
  }
  const decoded = tf.sigmoid(logits);
  return { recon: tf.mean(tf.squaredDifference(decoded, x)) as tf.Scalar, decoded };
}
