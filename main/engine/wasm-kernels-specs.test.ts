/**
 * tfjs-core's own op specs for the kernels we replace on the wasm backend (BatchMatMul and
 * _FusedMatMul, see wasm-kernels.ts), rewritten here as a faithful subset: the same ops, shapes,
 * transposes, activations, broadcasts, error cases and gradients as tfjs-core's
 * `ops/mat_mul_test.ts` and `ops/fused/fused_mat_mul_test.ts` (tfjs 4.22), by their names there.
 *
 * Each spec runs three times: on the cpu backend (the reference), on wasm with the stock kernels,
 * and on wasm with ours. Ours must give the cpu backend's shapes and values (to 1e-3 relative, as
 * tfjs compares float32), throw exactly when stock throws (with stock's message), and free every
 * buffer it allocates. The whole set runs twice: on the first wasm backend, and again after
 * `tf.engine().reset()` re-creates it (a new wasm module), which is what tfjs-core's spec runner
 * does between suites and what our kernels once did not survive.
 *
 * A last group goes beyond tfjs's specs, on purpose: every transpose combination and batched
 * products with a bias and each activation, with a shared dimension wider than one 48-wide block.
 * There the stock wasm kernel is wrong (it adds the bias at the wrong index and clamps relu per
 * block), so those cases are checked against the cpu backend only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from './backend';
import { installWasmKernels, uninstallWasmKernels } from './wasm-kernels';

type Spec = () => tf.Tensor | tf.Tensor[];
/** A spec's name in tfjs-core, what it runs, and whether the stock wasm kernel rejects it. */
type NamedSpec = [name: string, spec: Spec, wasmRejects?: 'wasm rejects'];
type Mode = 'cpu' | 'stock' | 'ours';
type Outcome = { shapes: number[][]; values: number[][] } | { error: string };

/** tfjs-core's MATMUL_SHARED_DIM_THRESHOLD + 1: its "matrices being vectors" specs use it. */
const SHARED_DIM = 1001;

/** Runs `spec` on one backend and kernel set; reports its outcome and the buffers it left behind. */
async function run(mode: Mode, spec: Spec): Promise<{ outcome: Outcome; leaked: number }> {
  if (mode === 'stock') uninstallWasmKernels();
  try {
    tf.setBackend(mode === 'cpu' ? 'cpu' : 'wasm');
    const buffersBefore = tf.engine().backend.numDataIds();
    let outcome: Outcome;
    try {
      const outs = tf.tidy(() => [spec()].flat());
      outcome = {
        shapes: outs.map((t) => t.shape),
        values: await Promise.all(outs.map(async (t) => Array.from(await t.data()))),
      };
      tf.dispose(outs);
    } catch (err) {
      outcome = { error: err instanceof Error ? err.message : String(err) };
    }
    return { outcome, leaked: tf.engine().backend.numDataIds() - buffersBefore };
  } finally {
    if (mode === 'stock') installWasmKernels();
  }
}

function close(actual: number, expected: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  return actual === expected || Math.abs(actual - expected) <= 1e-3 * Math.max(1, Math.abs(expected));
}

function expectSameAsCpu(ours: Outcome, cpu: Outcome): void {
  if ('error' in ours) throw new Error(`our kernels threw: ${ours.error}`);
  if ('error' in cpu) throw new Error(`the cpu backend threw: ${cpu.error}`);
  expect(ours.shapes).toEqual(cpu.shapes);
  ours.values.forEach((values, k) => {
    const expected = cpu.values[k]!;
    const bad = values.findIndex((v, i) => !close(v, expected[i]!));
    expect(bad, `output ${k}, element ${bad}: ${values[bad]} against cpu ${expected[bad]}`).toBe(-1);
  });
}

const errorOf = (o: Outcome): string | null => ('error' in o ? o.error : null);

/**
 * A spec tfjs-core runs. Ours must throw exactly when stock throws, with stock's message, and leak
 * no more than stock. Where the cpu backend computes a result, ours must compute the same one,
 * unless the spec is marked as one the stock wasm kernel rejects (tfjs's wasm test setup excludes
 * the same specs): then stock must indeed reject it. The last rule keeps a broken stock (say, one
 * whose wasm functions point into a disposed module) from passing for "the same as stock".
 */
async function expectSpec(spec: Spec, wasmRejects: boolean): Promise<void> {
  const cpu = await run('cpu', spec);
  const stock = await run('stock', spec);
  const ours = await run('ours', spec);
  expect(errorOf(ours.outcome)).toBe(errorOf(stock.outcome));
  // Stock itself leaks a buffer on one malformed call (a vector with transposeB), which we pass on
  // untouched; anywhere else this also means ours leaks nothing.
  expect(ours.leaked).toBe(stock.leaked);
  if ('error' in cpu.outcome) return;
  if (wasmRejects) expect(errorOf(stock.outcome)).not.toBeNull();
  else expectSameAsCpu(ours.outcome, cpu.outcome);
}

/** A case beyond tfjs's specs, where stock may be wrong: ours must match the cpu backend. */
async function expectLikeCpu(spec: Spec): Promise<void> {
  const cpu = await run('cpu', spec);
  const ours = await run('ours', spec);
  expectSameAsCpu(ours.outcome, cpu.outcome);
  expect(ours.leaked).toBe(0);
}

// Inputs: the specs' literal values where they are short, seeded uniform values of the specs'
// shapes (and magnitude) elsewhere; the same seed gives the same values on every backend.
const t = (values: number[], shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor =>
  tf.tensor(values, shape, dtype);
const r = (shape: number[], seed: number): tf.Tensor => tf.randomUniform(shape, -10, 10, 'float32', seed);
const A23 = (): tf.Tensor => t([1, 2, 3, 4, 5, 6], [2, 3]);
const B32 = (): tf.Tensor => t([0, 1, -3, 2, 2, 1], [3, 2]);
/** `values[10] = 2` in a zero tensor, as the "matrices being vectors" specs build it. */
const spike = (shape: number[]): tf.Tensor => {
  const values = new Float32Array(tf.util.sizeFromShape(shape));
  values[10] = 2;
  return tf.tensor(values, shape);
};
const grads =
  (f: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor, shapes: [number[], number[], number[]]): Spec =>
  () =>
    tf.grads(f)([r(shapes[0], 1), r(shapes[1], 2)], r(shapes[2], 3));
const grads3 =
  (
    f: (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => tf.Tensor,
    inputs: () => [tf.Tensor, tf.Tensor, tf.Tensor],
    dy: number[],
  ): Spec =>
  () =>
    tf.grads(f)(inputs(), t(dy, [2, 2]));

const MATMUL_SPECS: NamedSpec[] = [
  ['A x B', () => tf.matMul(A23(), B32())],
  ['[8,4]x[4,8]', () => tf.matMul(r([8, 4], 1), r([4, 8], 2))],
  ['broadcast with unequal batch dims', () => tf.matMul(r([4, 3, 2], 1), t([1, 0.5], [1, 2, 1]))],
  ['broadcast with unequal ranks', () => tf.matMul(r([1, 2, 2, 3, 2], 1), t([1, 0.5], [2, 1]))],
  ['matmul followed by mul', () => tf.mul(tf.matMul(t([1, 2, 3, 4], [2, 2]), r([2, 3], 1)), r([2, 3], 2))],
  [
    'upcasts when dtypes dont match (float32, int32)',
    () => tf.matMul(A23(), t([0, 1, -3, 2, 2, 1], [3, 2], 'int32')),
  ],
  [
    'upcasts when dtypes dont match (int32, bool)',
    () => tf.matMul(t([1, 2, 3, 4, 5, 6], [2, 3], 'int32'), t([0, 1, 1, 0, 1, 1], [3, 2], 'bool')),
    'wasm rejects', // int32 products: "Upcasting not supported yet" in tfjs's wasm test setup
  ],
  ['A x B^t', () => tf.matMul(A23(), t([1, 0, 2, 4, 3, 0], [2, 3]), false, true)],
  ['A^t x B', () => tf.matMul(A23(), t([1, 0, 2, 4, 3, 0], [2, 3]), true, false)],
  ['A^t x B^t', () => tf.matMul(t([1, 2, 3, 4, 5, 6], [3, 2]), t([1, 0, 2, 4, 3, 0], [2, 3]), true, true)],
  ['A x B^t shapes do not match', () => tf.matMul(tf.zeros([2, 3]), tf.zeros([3, 2]), false, true)],
  ['A^t x B shapes do not match', () => tf.matMul(tf.zeros([2, 3]), tf.zeros([3, 2]), true, false)],
  ['A^t x B^t shapes do not match', () => tf.matMul(tf.zeros([3, 2]), tf.zeros([3, 2]), true, true)],
  ['matmul throws when inner dimensions dont match', () => tf.matMul(A23(), r([4, 2], 1))],
  ['matmul throws when passed non matrices (a x b)', () => tf.matMul(r([2, 3, 2], 1), r([4, 2], 2))],
  ['matmul throws when passed non matrices (b x a)', () => tf.matMul(r([4, 2], 2), r([2, 3, 2], 1))],
  ['matmul throws when passed a vector', () => tf.matMul(t([1, 2, 3, 4], [2, 2]), t([2, 3], [2]))],
  ['(ours) a vector with transposeB', () => tf.matMul(t([1, 2, 3, 4], [2, 2]), t([2, 3], [2]), false, true)],
  ['(ours) a vector with transposeA', () => tf.matMul(t([2, 3], [2]), t([1, 2, 3, 4], [2, 2]), true, false)],
  ['Vector times matrix', () => tf.dot(t([2, 3], [2]), t([1, 2, 3, 4], [2, 2]))],
  ['Matrix times vector', () => tf.dot(t([1, 2, 3, 4], [2, 2]), t([2, 3], [2]))],
  ['Matrix * vector propagates NaNs', () => tf.dot(t([1, 2, 3, 4], [2, 2]), t([2, NaN], [2]))],
  ['Dot product', () => tf.dot(t([2, 3], [2]), t([2, 1], [2]))],
  ['Dot product propagates NaNs', () => tf.dot(t([2, NaN], [2]), t([2, 1], [2]))],
  ['Dot product throws when vectors are different size', () => tf.dot(t([2, 3, 3], [3]), t([2, 1], [2]))],
  ['Outer product', () => tf.outerProduct(t([2, 3], [2]) as tf.Tensor1D, t([2, 1], [2]) as tf.Tensor1D)],
  [
    'batched matmul with the matrices being vectors',
    () => tf.matMul(spike([3, 1, SHARED_DIM]), spike([3, SHARED_DIM, 1])),
  ],
  [
    'batched matmul with the matrices being vectors transposedA',
    () => tf.matMul(spike([3, SHARED_DIM, 1]), spike([3, SHARED_DIM, 1]), true, false),
  ],
  [
    'batched matmul with the matrices being vectors transposedB',
    () => tf.matMul(spike([3, 1, SHARED_DIM]), spike([3, 1, SHARED_DIM]), false, true),
  ],
  [
    'batched matmul with matrix x vector',
    () => tf.matMul(tf.ones([3, 2, SHARED_DIM]), spike([3, SHARED_DIM, 1])),
  ],
  [
    'batched matmul with matrix x vector transposedA',
    () => tf.matMul(tf.ones([3, SHARED_DIM, 2]), spike([3, SHARED_DIM, 1]), true, false),
  ],
  [
    'batched matmul with matrix x vector transposedB',
    () => tf.matMul(tf.ones([3, 2, SHARED_DIM]), spike([3, 1, SHARED_DIM]), false, true),
  ],
  [
    'batched matmul with vector x matrix',
    () => tf.matMul(spike([3, 1, SHARED_DIM]), tf.ones([3, SHARED_DIM, 2])),
  ],
  [
    'batched matmul with vector x matrix transposedA',
    () => tf.matMul(spike([3, SHARED_DIM, 1]), tf.ones([3, SHARED_DIM, 2]), true, false),
  ],
  [
    'batched matmul with vector x matrix transposedB',
    () => tf.matMul(spike([3, 1, SHARED_DIM]), tf.ones([3, 2, SHARED_DIM]), false, true),
  ],
  [
    'batched matmul called twice so memory of output is reused',
    () => {
      const first = tf.matMul(r([3, 2, 2], 1), r([3, 2, 2], 2));
      const copy = tf.clone(first);
      first.dispose();
      return [copy, tf.matMul(r([3, 2, 2], 3), r([3, 2, 2], 4))];
    },
  ],
  [
    'gradients: A * B',
    grads(
      (a, b) => tf.matMul(a, b),
      [
        [2, 3],
        [3, 2],
        [2, 2],
      ],
    ),
  ],
  [
    'gradients: a * bT',
    grads(
      (a, b) => tf.matMul(a, b, false, true),
      [
        [3, 4],
        [2, 4],
        [3, 2],
      ],
    ),
  ],
  [
    'gradients: aT * b',
    grads(
      (a, b) => tf.matMul(a, b, true, false),
      [
        [3, 2],
        [3, 4],
        [2, 4],
      ],
    ),
  ],
  [
    'gradients: aT * bT',
    grads(
      (a, b) => tf.matMul(a, b, true, true),
      [
        [3, 2],
        [4, 3],
        [2, 4],
      ],
    ),
  ],
  ['a * b where a has zero in its shape', () => tf.matMul(t([], [0, 3]), B32())],
  [
    '(a * b) * c where a has zero in its shape, so a*b does also',
    () => tf.matMul(tf.matMul(t([], [0, 3]), B32()), r([2, 3], 1)),
  ],
  ['(ours) a^t * b where a has zero in its shape', () => tf.matMul(t([], [3, 0]), B32(), true, false)],
  ['throws error for string tensor', () => tf.matMul(tf.tensor([['a']]), tf.tensor([['b']]))],
];

const MATMUL_BATCH_SPECS: NamedSpec[] = [
  ['A x B', () => tf.matMul(r([5, 2, 3], 1), r([5, 3, 2], 2))],
  ['A x B in 4D', () => tf.matMul(r([4, 5, 2, 3], 1), r([4, 5, 3, 2], 2))],
  ['A x B^t', () => tf.matMul(r([5, 2, 3], 1), r([5, 2, 3], 2), false, true)],
  ['A^t x B', () => tf.matMul(r([5, 2, 3], 1), r([5, 2, 3], 2), true, false)],
  ['A^t x B in 4D', () => tf.matMul(r([4, 5, 2, 3], 1), r([4, 5, 2, 3], 2), true, false)],
  ['A^t x B^t', () => tf.matMul(r([5, 3, 2], 1), r([5, 2, 3], 2), true, true)],
  ['A has more batch dimensions than B', () => tf.matMul(r([2, 2, 2, 2], 1), r([2, 2, 1], 2))],
  [
    '(ours) broadcast batch dimensions with both transposes',
    () => tf.matMul(r([2, 1, 4, 3], 1), r([3, 5, 4], 2), true, true),
  ],
  ['batch dimensions do not match', () => tf.matMul(r([4, 3, 2], 1), r([5, 2, 3], 2))],
  [
    '(ours) batch dimensions do not match, transposed',
    () => tf.matMul(r([4, 2, 3], 1), r([5, 3, 2], 2), true, true),
  ],
  [
    'gradients: A x B',
    grads(
      (a, b) => tf.matMul(a, b),
      [
        [5, 2, 3],
        [5, 3, 2],
        [5, 2, 2],
      ],
    ),
  ],
  [
    '4d gradients: A x B',
    grads(
      (a, b) => tf.matMul(a, b),
      [
        [4, 5, 2, 3],
        [4, 5, 3, 2],
        [4, 5, 2, 2],
      ],
    ),
  ],
  [
    'gradients: A x B^t',
    grads(
      (a, b) => tf.matMul(a, b, false, true),
      [
        [5, 3, 2],
        [5, 3, 2],
        [5, 3, 3],
      ],
    ),
  ],
  [
    '4d gradients: A x B^t',
    grads(
      (a, b) => tf.matMul(a, b, false, true),
      [
        [4, 5, 3, 2],
        [4, 5, 3, 2],
        [4, 5, 3, 3],
      ],
    ),
  ],
  [
    'gradients: A^t x B',
    grads(
      (a, b) => tf.matMul(a, b, true, false),
      [
        [5, 3, 2],
        [5, 3, 2],
        [5, 2, 2],
      ],
    ),
  ],
  [
    'gradients: A^t x B^t',
    grads(
      (a, b) => tf.matMul(a, b, true, true),
      [
        [5, 3, 2],
        [5, 2, 3],
        [5, 2, 2],
      ],
    ),
  ],
];

/** The fused specs' `a` [2, 3] and `b`, with the options `config()` makes (tensors only in a run). */
const fused =
  (config: () => Omit<Parameters<typeof tf.fused.matMul>[0], 'a' | 'b'>, b = B32): Spec =>
  () =>
    tf.fused.matMul({ a: A23(), b: b(), ...config() });
const GRAD_A = (): tf.Tensor => t([1, 2, 3, 10, 20, -30], [2, 3]);
const GRAD_B = (): tf.Tensor => t([2, 3, 4, -1, 2, 3], [3, 2]);
const GRAD_DY = [1, 10, 20, 30];

const FUSED_SPECS: NamedSpec[] = [
  ['fused A x B', fused(() => ({}))],
  ['fused A x B with relu', fused(() => ({ activation: 'relu' }))],
  ['fused A x B with elu', fused(() => ({ activation: 'elu' }))],
  ['fused A x B with relu6', fused(() => ({ activation: 'relu6' }))],
  [
    'fused A x B with prelu',
    fused(() => ({ activation: 'prelu', preluActivationWeights: t([0.5, 0.5], [1, 2]) })),
  ],
  ['fused A x B with leakyrelu', fused(() => ({ activation: 'leakyrelu', leakyreluAlpha: 0.3 }))],
  ['fused A x B with leakyrelu not provided.', fused(() => ({ activation: 'leakyrelu' }))],
  ['fused A x B with sigmoid', fused(() => ({ activation: 'sigmoid' }))],
  [
    'fused A x B with relu transpose',
    fused(
      () => ({ activation: 'relu', transposeB: true }),
      () => t([0, 1, -3, 2, 2, 1], [2, 3]),
    ),
  ],
  // "Fused matMul with 2D bias not yet supported" in tfjs's wasm test setup, here and below.
  [
    'fused A x B with 2d bias and relu',
    fused(() => ({ bias: t([1, 1, 1, 1], [2, 2]), activation: 'relu' })),
    'wasm rejects',
  ],
  ['fused A x B with relu and broadcasted bias', fused(() => ({ bias: t([1, 1], [2]), activation: 'relu' }))],
  ['fused A x B with elu and broadcasted bias', fused(() => ({ bias: t([1, 1], [2]), activation: 'elu' }))],
  [
    'fused A x B with elu and broadcasted shape',
    () =>
      tf.fused.matMul({
        a: t([1, 2, 3, 4, 5, 6], [1, 2, 3]),
        b: B32(),
        bias: t([1, 1], [2]),
        activation: 'elu',
      }),
  ],
  [
    'fused A x B with relu and broadcasted bias different rank',
    () =>
      tf.fused.matMul({
        a: r([2, 2, 3], 1),
        b: r([2, 3, 2], 2),
        bias: t([1, 2], [1, 2]),
        activation: 'relu',
      }),
    'wasm rejects',
  ],
  ['fused A x B with 2d bias only', fused(() => ({ bias: t([1, 1, 1, 1], [2, 2]) })), 'wasm rejects'],
  [
    'fused A x B with relu gradient',
    () =>
      tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.fused.matMul({ a, b, activation: 'relu' }))(
        [GRAD_A(), GRAD_B()],
        t(GRAD_DY, [2, 2]),
      ),
  ],
  [
    'gradient with clones A x B with relu',
    () =>
      tf.grads((a: tf.Tensor, b: tf.Tensor) =>
        tf.fused.matMul({ a: a.clone(), b: b.clone(), activation: 'relu' }).clone(),
      )([GRAD_A(), GRAD_B()], t(GRAD_DY, [2, 2])),
  ],
  [
    'fused A x B with relu bias gradient',
    grads3(
      (a, b, c) => tf.fused.matMul({ a, b, bias: c, activation: 'relu' }),
      () => [GRAD_A(), GRAD_B(), t([1, 1, 1, 1], [2, 2])],
      GRAD_DY,
    ),
  ],
  [
    'fused A x B with relu bias gradient transpose',
    grads3(
      (a, b, c) => tf.fused.matMul({ a, b, bias: c, activation: 'relu', transposeA: true }),
      () => [t([1, 2, 3, 10, 20, -30], [3, 2]), t([2, 3, 4, -1, 2, 3], [3, 2]), t([1, 1, 1, 1], [2, 2])],
      GRAD_DY,
    ),
  ],
  [
    'fused A x B with relu and broadcasted bias gradient',
    grads3(
      (a, b, c) => tf.fused.matMul({ a, b, bias: c, activation: 'relu' }),
      () => [GRAD_A(), GRAD_B(), t([1], [1, 1])],
      GRAD_DY,
    ),
  ],
  [
    'fused matmul with relu6 and gradients',
    () =>
      tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.fused.matMul({ a, b, activation: 'relu6' }))(
        [GRAD_A(), GRAD_B()],
        t(GRAD_DY, [2, 2]),
      ),
  ],
];

/** Every transpose combination and batching, with a bias and each activation the wasm kernel fuses. */
const BEYOND_SPECS: Array<[string, Spec]> = [];
const ACTIVATIONS: tf.fused.Activation[] = [
  'linear',
  'relu',
  'relu6',
  'elu',
  'sigmoid',
  'leakyrelu',
  'prelu',
];
const SHARED = 100; // wider than the stock kernel's 48-wide blocks
for (const [batchA, batchB] of [
  [[], []],
  [[3], [3]],
  [[1], [3]],
] as const) {
  for (const [transposeA, transposeB] of [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ]) {
    for (const activation of ACTIVATIONS) {
      const name = `fused [${batchA}]x[${batchB}] transposeA=${transposeA} transposeB=${transposeB} bias ${activation}`;
      BEYOND_SPECS.push([
        name,
        () =>
          tf.fused.matMul({
            a: r([...batchA, ...(transposeA ? [SHARED, 12] : [12, SHARED])], 1),
            b: r([...batchB, ...(transposeB ? [40, SHARED] : [SHARED, 40])], 2),
            transposeA,
            transposeB,
            bias: r([40], 3),
            activation,
            ...(activation === 'prelu'
              ? { preluActivationWeights: tf.randomUniform([40], 0, 1, 'float32', 4) }
              : {}),
            ...(activation === 'leakyrelu' ? { leakyreluAlpha: 0.3 } : {}),
          }),
      ]);
    }
    // Linear with a bias stays fused under tf.grads, so this also runs our kernel in a gradient
    // (tfjs-core cannot take it through broadcast batch dimensions, on any backend).
    if (batchA[0] !== batchB[0]) continue;
    BEYOND_SPECS.push([
      `gradients of fused [${batchA}]x[${batchB}] transposeA=${transposeA} transposeB=${transposeB} with bias`,
      () =>
        tf.grads((a: tf.Tensor, b: tf.Tensor, bias: tf.Tensor) =>
          tf.fused.matMul({ a, b, bias, transposeA, transposeB }),
        )(
          [
            r([...batchA, ...(transposeA ? [SHARED, 12] : [12, SHARED])], 1),
            r([...batchB, ...(transposeB ? [40, SHARED] : [SHARED, 40])], 2),
            r([40], 3),
          ],
          r([...batchA, 12, 40], 5),
        ),
    ]);
  }
}

for (const life of ['on the first wasm backend', 'after tf.engine().reset() re-creates the backends']) {
  describe(`wasm replacement kernels against tfjs-core's op specs, ${life}`, () => {
    beforeAll(async () => {
      expect(await initBackend({ force: 'wasm' })).toBe('wasm');
      if (life.startsWith('after')) {
        const previous = tf.findBackend('wasm');
        tf.engine().reset();
        expect(await tf.setBackend('wasm')).toBe(true);
        expect(tf.backend()).not.toBe(previous);
      }
    });

    describe('matmul', () => {
      for (const [name, spec, rejects] of MATMUL_SPECS) it(name, () => expectSpec(spec, !!rejects));
    });
    describe('matmulBatch', () => {
      for (const [name, spec, rejects] of MATMUL_BATCH_SPECS) it(name, () => expectSpec(spec, !!rejects));
    });
    describe('fused matmul', () => {
      for (const [name, spec, rejects] of FUSED_SPECS) it(name, () => expectSpec(spec, !!rejects));
    });
    describe('beyond the specs (stock wasm is wrong on some; ours must match cpu)', () => {
      for (const [name, spec] of BEYOND_SPECS) it(name, () => expectLikeCpu(spec));
    });
  });
}
