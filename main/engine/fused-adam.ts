/**
 * Adam over every variable in one pass: the same update as `tf.train.adam(lr)` (β1 0.9, β2 0.999,
 * ε the backend's epsilon, 1e-7 in float32), one call per variable instead of a tfjs op per term.
 *
 * Why: tfjs's AdamOptimizer runs about ten kernels per variable (moment updates, bias correction,
 * sqrt, div, assigns): about 130 of the 308 kernel calls of a default training step and a quarter
 * of its time (issue 11).
 *
 * Exactness: every operation is a float32 operation in the order tfjs's ops apply them, so the
 * weights match tfjs's Adam bit for bit (fused-adam.test.ts checks it over 50 warm-up steps); the
 * bias correction uses the same float32 accumulators accBeta1 = β1ᵗ, accBeta2 = β2ᵗ.
 *
 * Two paths, chosen once per optimizer from the backend it is created on:
 * - wasm: a 429-byte WebAssembly SIMD kernel (its source ends this file) that imports the tfjs
 *   wasm heap and updates each variable there: gradient, weights and moments (kept on the heap) are
 *   read in place and the new weights written to a fresh heap buffer the variable takes over.
 * - any other backend (the cpu fallback): the moments are JS Float32Arrays, the gradient and weights
 *   are read with `dataSync`, the update runs in a JS loop rounded with `Math.fround`, and the
 *   variable is assigned a new tensor.
 */
import * as tf from '@tensorflow/tfjs-core';

const f32 = Math.fround;

/** tfjs's defaults for `tf.train.adam(learningRate)`. */
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;

/** The float32 constants of one update, as tfjs's scalar tensors hold them. */
interface StepConstants {
  beta1: number;
  oneMinusBeta1: number;
  beta2: number;
  oneMinusBeta2: number;
  /** 1 − β1ᵗ and 1 − β2ᵗ, the bias corrections of step t. */
  oneMinusAccBeta1: number;
  oneMinusAccBeta2: number;
  epsilon: number;
  negLearningRate: number;
}

/**
 * Adam with one fused update per variable. Use like tfjs's optimizer:
 *   const adam = new FusedAdam(0.02);
 *   adam.learningRate = 0.01;          // any time, read on every update
 *   adam.applyGradients(grads);        // { [variableName]: gradient }; the caller frees grads
 *   adam.dispose();
 */
export class FusedAdam {
  /** Read on every update: the warm-up sets it per step. */
  learningRate: number;
  readonly beta1 = ADAM_BETA1;
  readonly beta2 = ADAM_BETA2;
  readonly epsilon: number;
  /** "wasm-simd" (the heap kernel) or "js" (the portable loop): for tests and benchmarks. */
  readonly path: 'wasm-simd' | 'js';
  private readonly backendName: string;
  private readonly updater: Updater;
  /** β1ᵗ and β2ᵗ for the coming step t, kept in float32 as tfjs's accBeta variables are. */
  private accBeta1 = f32(ADAM_BETA1);
  private accBeta2 = f32(ADAM_BETA2);

  constructor(learningRate: number) {
    this.learningRate = learningRate;
    this.epsilon = tf.backend().epsilon();
    this.backendName = tf.getBackend();
    const heap = heapUpdater();
    this.updater = heap ?? new JsUpdater();
    this.path = heap ? 'wasm-simd' : 'js';
  }

  /** Updates the registered variables named by `grads` (gradients are read, not freed). */
  applyGradients(grads: tf.NamedTensorMap): void {
    if (tf.getBackend() !== this.backendName) {
      throw new Error(
        `FusedAdam was created on the ${this.backendName} backend, but the ${tf.getBackend()} backend is active now.`,
      );
    }
    const c: StepConstants = {
      beta1: f32(this.beta1),
      oneMinusBeta1: f32(1 - this.beta1),
      beta2: f32(this.beta2),
      oneMinusBeta2: f32(1 - this.beta2),
      oneMinusAccBeta1: f32(1 - this.accBeta1),
      oneMinusAccBeta2: f32(1 - this.accBeta2),
      epsilon: f32(this.epsilon),
      negLearningRate: f32(-this.learningRate),
    };
    const variables = tf.engine().registeredVariables;
    for (const [name, gradient] of Object.entries(grads)) {
      const variable = variables[name];
      if (!variable) throw new Error(`FusedAdam: no variable named "${name}" is registered.`);
      this.updater.update(name, variable, gradient, c);
    }
    this.accBeta1 = f32(this.accBeta1 * c.beta1);
    this.accBeta2 = f32(this.accBeta2 * c.beta2);
  }

  /** Frees the moments; the optimizer must not be used afterwards. */
  dispose(): void {
    this.updater.dispose();
  }
}

/** One path's way of updating a variable and of holding its moments. */
interface Updater {
  update(name: string, variable: tf.Variable, gradient: tf.Tensor, c: StepConstants): void;
  dispose(): void;
}

// ---------------------------------------------------------------------------------------------
// The portable path

/**
 * One variable's update, in place on `m` and `v`. Each line is one tfjs op of
 * AdamOptimizer.applyGradients, rounded to float32 as that op's output is.
 */
function adamLoop(
  g: Float32Array,
  w: Float32Array,
  out: Float32Array,
  m: Float32Array,
  v: Float32Array,
  c: StepConstants,
): void {
  const { beta1, oneMinusBeta1, beta2, oneMinusBeta2, oneMinusAccBeta1, oneMinusAccBeta2, epsilon } = c;
  const negLr = c.negLearningRate;
  const n = g.length;
  for (let i = 0; i < n; i++) {
    const gi = g[i] as number;
    const mi = f32(f32((m[i] as number) * beta1) + f32(gi * oneMinusBeta1));
    const vi = f32(f32((v[i] as number) * beta2) + f32(f32(gi * gi) * oneMinusBeta2));
    m[i] = mi;
    v[i] = vi;
    const mHat = f32(mi / oneMinusAccBeta1);
    const vHat = f32(vi / oneMinusAccBeta2);
    const ratio = f32(mHat / f32(f32(Math.sqrt(vHat)) + epsilon));
    out[i] = f32(ratio * negLr) + (w[i] as number); // the store rounds the sum
  }
}

/** Any backend: reads copies (or the backend's own arrays, never written) and assigns anew. */
class JsUpdater implements Updater {
  private readonly moments = new Map<string, { m: Float32Array; v: Float32Array }>();

  update(name: string, variable: tf.Variable, gradient: tf.Tensor, c: StepConstants): void {
    let moments = this.moments.get(name);
    if (!moments) {
      moments = { m: new Float32Array(variable.size), v: new Float32Array(variable.size) };
      this.moments.set(name, moments);
    }
    const out = new Float32Array(variable.size);
    adamLoop(
      gradient.dataSync() as Float32Array,
      variable.dataSync() as Float32Array,
      out,
      moments.m,
      moments.v,
      c,
    );
    const next = tf.tensor(out, variable.shape, 'float32');
    variable.assign(next);
    next.dispose();
  }

  dispose(): void {
    this.moments.clear();
  }
}

// ---------------------------------------------------------------------------------------------
// The wasm path

/** What we use of tfjs-backend-wasm's BackendWasm (4.22); checked at run time, not imported. */
interface WasmHeapBackend {
  wasm: {
    _malloc(bytes: number): number;
    _free(pointer: number): void;
    HEAPU8: Uint8Array;
    /** The Emscripten module's exports, `memory` among them. */
    asm?: { memory?: unknown };
  };
  dataIdMap: { has(dataId: tf.DataId): boolean };
  getMemoryOffset(dataId: tf.DataId): number;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
}

/** The kernel's export: byte offsets into the heap, a length, then the step's float32 constants. */
type AdamKernel = (
  g: number,
  w: number,
  out: number,
  m: number,
  v: number,
  n: number,
  beta1: number,
  oneMinusBeta1: number,
  beta2: number,
  oneMinusBeta2: number,
  oneMinusAccBeta1: number,
  oneMinusAccBeta2: number,
  epsilon: number,
  negLearningRate: number,
) => void;

/** The kernel's source (end of this file) compiled with wabt's `wat2wasm` 1.0.39, base64. */
const ADAM_WASM_BASE64 =
  'AGFzbQEAAAABEgFgDn9/f39/f319fX19fX19AAIPAQNlbnYGbWVtb3J5AgAAAwIBAAcIAQRhZGFtAAAK7wIB7AIDAn8LewN9IAb9EyETIAf9EyEUIAj9EyEVIAn9EyEWIAr9EyEXIAv9EyEYIAz9EyEZIA39EyEaIAVBfHFBAnQhDwJAA0AgDiAPTw0BIAAgDmr9AAIAIRAgAyAOav0AAgAgE/3mASAQIBT95gH95AEhESAEIA5q/QACACAV/eYBIBAgEP3mASAW/eYB/eQBIRIgAyAOaiAR/QsCACAEIA5qIBL9CwIAIAIgDmogESAX/ecBIBIgGP3nAf3jASAZ/eQB/ecBIBr95gEgASAOav0AAgD95AH9CwIAIA5BEGohDgwACwsgBUECdCEPAkADQCAOIA9PDQEgACAOaioCACEbIAMgDmoqAgAgBpQgGyAHlJIhHCAEIA5qKgIAIAiUIBsgG5QgCZSSIR0gAyAOaiAcOAIAIAQgDmogHTgCACACIA5qIBwgCpUgHSALlZEgDJKVIA2UIAEgDmoqAgCSOAIAIA5BBGohDgwACwsL';

/** The compiled kernel; null where WebAssembly SIMD is unavailable (undefined: not tried yet). */
let compiled: WebAssembly.Module | null | undefined;
/** The kernel instantiated per heap (one per wasm backend instance). */
const kernels = new WeakMap<WebAssembly.Memory, AdamKernel>();

/** The kernel instantiated on `memory`; null where WebAssembly SIMD or the import is refused. */
function kernelFor(memory: WebAssembly.Memory): AdamKernel | null {
  const cached = kernels.get(memory);
  if (cached) return cached;
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Uint8Array.from(atob(ADAM_WASM_BASE64), (ch) => ch.charCodeAt(0)));
    } catch {
      compiled = null;
    }
  }
  if (!compiled) return null;
  try {
    const kernel = new WebAssembly.Instance(compiled, { env: { memory } }).exports['adam'] as AdamKernel;
    kernels.set(memory, kernel);
    return kernel;
  } catch {
    // A shared (threaded) heap does not match the kernel's unshared memory import.
    return null;
  }
}

/** The heap path on the active backend, or null where it is not tfjs's wasm backend as we know it. */
function heapUpdater(): HeapUpdater | null {
  if (tf.getBackend() !== 'wasm') return null;
  const b = tf.backend() as unknown as Partial<WasmHeapBackend>;
  const usable =
    typeof b.wasm?._malloc === 'function' &&
    typeof b.wasm._free === 'function' &&
    b.wasm.HEAPU8 instanceof Uint8Array &&
    typeof b.dataIdMap?.has === 'function' &&
    typeof b.getMemoryOffset === 'function' &&
    typeof b.makeOutput === 'function';
  const memory = b.wasm?.asm?.memory;
  if (!usable || !(memory instanceof WebAssembly.Memory)) return null;
  const kernel = kernelFor(memory);
  return kernel ? new HeapUpdater(b as WasmHeapBackend, kernel) : null;
}

/**
 * Moments live on the wasm heap (m then v, one allocation per variable). Why the new weights go to a
 * fresh buffer, never in place: the wasm matmul caches its XNNPACK operator, weights packed inside,
 * by the weight tensor's id, so a weight rewritten under the same id would keep being multiplied
 * with its stale packed copy.
 */
class HeapUpdater implements Updater {
  private readonly moments = new Map<string, number>(); // byte offset of m; v follows it

  constructor(
    private readonly backend: WasmHeapBackend,
    private readonly kernel: AdamKernel,
  ) {}

  update(name: string, variable: tf.Variable, gradient: tf.Tensor, c: StepConstants): void {
    const { backend } = this;
    if (!backend.dataIdMap.has(gradient.dataId) || gradient.dtype !== 'float32') {
      throw new Error(`FusedAdam: the gradient of "${name}" is not a float32 tensor of the wasm backend.`);
    }
    const n = variable.size;
    const m = this.momentsOf(name, n);
    const out = backend.makeOutput(variable.shape, 'float32');
    this.kernel(
      backend.getMemoryOffset(gradient.dataId),
      backend.getMemoryOffset(variable.dataId),
      backend.getMemoryOffset(out.dataId),
      m,
      m + 4 * n,
      n,
      c.beta1,
      c.oneMinusBeta1,
      c.beta2,
      c.oneMinusBeta2,
      c.oneMinusAccBeta1,
      c.oneMinusAccBeta2,
      c.epsilon,
      c.negLearningRate,
    );
    const next = tf.engine().makeTensorFromTensorInfo(out);
    variable.assign(next);
    next.dispose();
  }

  dispose(): void {
    // A disposed backend (tfjs sets its module to null) has freed the whole heap already.
    const wasm = this.backend.wasm as WasmHeapBackend['wasm'] | null;
    if (wasm) for (const pointer of this.moments.values()) wasm._free(pointer);
    this.moments.clear();
  }

  private momentsOf(name: string, n: number): number {
    let pointer = this.moments.get(name);
    if (pointer === undefined) {
      pointer = this.backend.wasm._malloc(8 * n) >>> 0;
      // Read HEAPU8 after the malloc: a growing heap replaces it.
      this.backend.wasm.HEAPU8.fill(0, pointer, pointer + 8 * n);
      this.moments.set(name, pointer);
    }
    return pointer;
  }
}

/**
 * The kernel's source (WebAssembly text). Per element, in tfjs's op order, every op in float32:
 *   m ← m·β1 + g·(1−β1);  v ← v·β2 + (g·g)·(1−β2)
 *   out ← ((m / (1−β1ᵗ)) / (sqrt(v / (1−β2ᵗ)) + ε))·(−lr) + w
 * four lanes at a time (f32x4), then the remaining n mod 4 one by one. Rebuild the bytes with
 * `npx -p wabt wat2wasm adam.wat -o adam.wasm && base64 -w0 adam.wasm`.
 *
 * (module
 *   (import "env" "memory" (memory 0))
 *   (func (export "adam")
 *     (param $g i32) (param $w i32) (param $out i32) (param $m i32) (param $v i32) (param $n i32)
 *     (param $b1 f32) (param $omb1 f32) (param $b2 f32) (param $omb2 f32)
 *     (param $c1 f32) (param $c2 f32) (param $eps f32) (param $nlr f32)
 *     (local $i i32) (local $end i32) (local $gi v128) (local $mi v128) (local $vi v128)
 *     (local $B1 v128) (local $OMB1 v128) (local $B2 v128) (local $OMB2 v128)
 *     (local $C1 v128) (local $C2 v128) (local $EPS v128) (local $NLR v128)
 *     (local $gs f32) (local $ms f32) (local $vs f32)
 *     (local.set $B1 (f32x4.splat (local.get $b1)))
 *     (local.set $OMB1 (f32x4.splat (local.get $omb1)))
 *     (local.set $B2 (f32x4.splat (local.get $b2)))
 *     (local.set $OMB2 (f32x4.splat (local.get $omb2)))
 *     (local.set $C1 (f32x4.splat (local.get $c1)))
 *     (local.set $C2 (f32x4.splat (local.get $c2)))
 *     (local.set $EPS (f32x4.splat (local.get $eps)))
 *     (local.set $NLR (f32x4.splat (local.get $nlr)))
 *     ;; byte offsets: whole groups of four lanes first
 *     (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2)))
 *     (block $done4
 *       (loop $lanes4
 *         (br_if $done4 (i32.ge_u (local.get $i) (local.get $end)))
 *         (local.set $gi (v128.load align=4 (i32.add (local.get $g) (local.get $i))))
 *         (local.set $mi (f32x4.add
 *           (f32x4.mul (v128.load align=4 (i32.add (local.get $m) (local.get $i))) (local.get $B1))
 *           (f32x4.mul (local.get $gi) (local.get $OMB1))))
 *         (local.set $vi (f32x4.add
 *           (f32x4.mul (v128.load align=4 (i32.add (local.get $v) (local.get $i))) (local.get $B2))
 *           (f32x4.mul (f32x4.mul (local.get $gi) (local.get $gi)) (local.get $OMB2))))
 *         (v128.store align=4 (i32.add (local.get $m) (local.get $i)) (local.get $mi))
 *         (v128.store align=4 (i32.add (local.get $v) (local.get $i)) (local.get $vi))
 *         (v128.store align=4 (i32.add (local.get $out) (local.get $i))
 *           (f32x4.add
 *             (f32x4.mul
 *               (f32x4.div
 *                 (f32x4.div (local.get $mi) (local.get $C1))
 *                 (f32x4.add (f32x4.sqrt (f32x4.div (local.get $vi) (local.get $C2))) (local.get $EPS)))
 *               (local.get $NLR))
 *             (v128.load align=4 (i32.add (local.get $w) (local.get $i)))))
 *         (local.set $i (i32.add (local.get $i) (i32.const 16)))
 *         (br $lanes4)))
 *     ;; the last n mod 4 elements, one at a time
 *     (local.set $end (i32.shl (local.get $n) (i32.const 2)))
 *     (block $done
 *       (loop $lanes1
 *         (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
 *         (local.set $gs (f32.load (i32.add (local.get $g) (local.get $i))))
 *         (local.set $ms (f32.add
 *           (f32.mul (f32.load (i32.add (local.get $m) (local.get $i))) (local.get $b1))
 *           (f32.mul (local.get $gs) (local.get $omb1))))
 *         (local.set $vs (f32.add
 *           (f32.mul (f32.load (i32.add (local.get $v) (local.get $i))) (local.get $b2))
 *           (f32.mul (f32.mul (local.get $gs) (local.get $gs)) (local.get $omb2))))
 *         (f32.store (i32.add (local.get $m) (local.get $i)) (local.get $ms))
 *         (f32.store (i32.add (local.get $v) (local.get $i)) (local.get $vs))
 *         (f32.store (i32.add (local.get $out) (local.get $i))
 *           (f32.add
 *             (f32.mul
 *               (f32.div
 *                 (f32.div (local.get $ms) (local.get $c1))
 *                 (f32.add (f32.sqrt (f32.div (local.get $vs) (local.get $c2))) (local.get $eps)))
 *               (local.get $nlr))
 *             (f32.load (i32.add (local.get $w) (local.get $i)))))
 *         (local.set $i (i32.add (local.get $i) (i32.const 4)))
 *         (br $lanes1)))))
 */
