/**
 * `npm run bench`: the engine's figures, one JSON line each, measured through the real worker
 * (as the app uses it) unless marked "in-process". Each line: { figure, value, unit, target?, … }.
 *
 *   train_samples_per_second      steady state (epochs ≥ 2) of the default config
 *   seconds_to_nmse_0.05          training seconds (steps only; `wallSeconds` adds per-epoch
 *   seconds_to_knn_r2_0.97          evaluation and messaging) until the epoch whose metrics pass
 *   event_loop_p99_lateness_ms    of a 16 ms timer in this (the owning) process while training
 *                                 (`idleP99`: the same with the worker idle; `loadAverage`: 1-min)
 *   decode_1_ms                   median of 200 single-image decodes (round trip to the worker)
 *   decode_grid_256_ms            median of 30 decodes of a 16×16 grid
 *   encode_2000_ms                median of 5 encodes of 2,000 images
 *   num_tensors_before/after      tf.memory().numTensors in the worker around 1,000 decodes
 *   default_net_samples_per_second    in-process, our net; `cpuTime`: per CPU-second (load-proof)
 *   reference_net_samples_per_second  in-process, the reference net (1024-512-128-2 and
 *                                 back, batch 64, Adam) with our kernels and with stock tfjs-wasm
 *   pmodel_fit_raster_128_ms, box_loglik_3200_ms, sample_decode_judge_256_ms: see bench-pmodel.ts
 *   stop_while_starting_largest_ms, stop_mid_run_largest_ms: see bench-stop.ts
 *   ladder_default_seconds, compare_probe_4_slots_ms: see bench-compare.ts; walk_strip_16_decode_ms:
 *                                 see bench-walk.ts (--compare-only: these alone)
 *   default_net_spec              the default net, data and algorithm as JSON (bench-net-spec.ts)
 *   vs_pytorch_*                  only with --vs-pytorch (--vs-pytorch-only: nothing else but the
 *                                 spec): see bench-vs-pytorch.ts
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadavg } from 'node:os';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../shared/train-config';
import { initBackend } from '../engine/backend';
import { HIDDEN_UNITS, buildAutoencoder, disposeModel, variablesOf } from '../engine/model';
import { FusedAdam } from '../engine/fused-adam';
import { applyGradients, type StepOptimizer, trainStep } from '../engine/train-step';
import { type EngineWithDiagnostics, createEngine } from '../engine/engine';
import { installWasmKernels, uninstallWasmKernels } from '../engine/wasm-kernels';
import { errorMessage } from '../../shared/errors';
import { benchPmodel } from './bench-pmodel';
import { benchStop } from './bench-stop';
import { benchCompare } from './bench-compare';
import { benchTimeline, benchWalk } from './bench-walk';
import { defaultNetSpec } from './bench-net-spec';
import { type WorkerInference, benchVsPytorch } from './bench-vs-pytorch';
import { INFERENCE_RUNS, inferenceGrid, inferenceImages } from './bench-inference-inputs';

/** Training stops once both quality targets are met and this many more epochs have run. */
const EXTRA_EPOCHS = 2;

function line(figure: string, value: number | null, unit: string, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ figure, value: value === null ? null : round(value), unit, ...extra }));
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
}

/** Starts measuring the lateness (ms) of a 16 ms timer; `stop()` ends it and returns the samples. */
function startLatenessProbe(): { stop(): number[] } {
  const lateness: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lateness.push(Math.max(0, now - last - 16));
    last = now;
  }, 16);
  return {
    stop() {
      clearInterval(timer);
      return lateness;
    },
  };
}

/** Lateness (ms) of a 16 ms timer over `ms`, with nothing else running: the machine's own noise. */
async function idleLateness(ms: number): Promise<number[]> {
  const probe = startLatenessProbe();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return probe.stop();
}

/** Trains the default config until both targets are met; reports throughput, times and lateness. */
async function benchTraining(engine: EngineWithDiagnostics, config: TrainConfig): Promise<void> {
  const probe = startLatenessProbe();
  const steady: number[] = [];
  const t0 = performance.now();
  const reached: Record<string, { seconds: number; wallSeconds: number; epoch: number } | null> = {
    nmse: null,
    r2: null,
  };
  let stepSeconds = 0;
  let stopAt = config.epochs;
  engine.on('progress', (p) => {
    const samples = ((p.epoch - 1) * p.stepsPerEpoch + p.step) * config.batchSize;
    if (p.samplesPerSecond > 0) stepSeconds = samples / p.samplesPerSecond;
    if (p.epoch >= 2) steady.push(p.samplesPerSecond);
  });
  engine.on('epoch', (e) => {
    const at = { seconds: stepSeconds, wallSeconds: (performance.now() - t0) / 1000, epoch: e.epoch };
    if (!reached['nmse'] && e.metrics.valNmse <= 0.05) reached['nmse'] = at;
    if (!reached['r2'] && Math.min(e.metrics.knnR2.height, e.metrics.knnR2.radius) >= 0.97)
      reached['r2'] = at;
    if (reached['nmse'] && reached['r2'] && stopAt === config.epochs) stopAt = e.epoch + EXTRA_EPOCHS;
    if (e.epoch >= stopAt) void engine.stop();
  });
  const finished = new Promise<void>((resolve, reject) => {
    engine.on('finished', () => resolve());
    engine.on('failed', (f) => reject(new Error(f.message)));
  });
  await engine.train(config);
  await finished;
  const lateness = probe.stop();
  const model = await engine.current();
  const m = model?.info.metrics;
  line('train_samples_per_second', median(steady.slice(Math.floor(steady.length / 2))), 'samples/s', {
    config: { ...config, epochs: model?.info.epochsTrained },
    final: m
      ? { valNmse: round(m.valNmse), knnR2: { height: round(m.knnR2.height), radius: round(m.knnR2.radius) } }
      : null,
  });
  for (const [key, figure] of [
    ['nmse', 'seconds_to_nmse_0.05'],
    ['r2', 'seconds_to_knn_r2_0.97'],
  ] as const) {
    const r = reached[key];
    line(figure, r ? r.seconds : null, 's', {
      target: 5,
      wallSeconds: r ? round(r.wallSeconds) : null,
      epoch: r?.epoch ?? null,
    });
  }
  const idle = await idleLateness(2000);
  line('event_loop_p99_lateness_ms', percentile(lateness, 0.99), 'ms', {
    target: 16,
    samples: lateness.length,
    max: round(Math.max(...lateness)),
    // The same timer with the worker idle: what the machine's load alone costs.
    idleP99: round(percentile(idle, 0.99)),
    loadAverage: round(loadavg()[0] ?? 0),
  });
}

async function timeIt(runs: number, f: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** The through-the-worker inference figures, for the PyTorch comparison's ratios. */
async function benchInference(engine: EngineWithDiagnostics, config: TrainConfig): Promise<WorkerInference> {
  const one = new Float32Array([0.1, -0.2]);
  for (let i = 0; i < 20; i++) await engine.decode(one); // warm-up
  line('decode_1_ms', await timeIt(200, () => engine.decode(one)), 'ms', { target: 1, runs: 200 });
  const grid = inferenceGrid();
  const decodeGrid256Ms = await timeIt(INFERENCE_RUNS.grid, () => engine.decode(grid));
  line('decode_grid_256_ms', decodeGrid256Ms, 'ms', { target: 30, runs: INFERENCE_RUNS.grid });
  const images = inferenceImages(config.imageSize);
  // Each call gets its own copy, made before the clock starts: encode hands the buffer over, as the
  // app's requests do with the fresh buffers they arrive in.
  const copies = Array.from({ length: INFERENCE_RUNS.encode }, () => images.slice());
  const encode2000Ms = await timeIt(INFERENCE_RUNS.encode, () => engine.encode(copies.pop()!, 2000));
  line('encode_2000_ms', encode2000Ms, 'ms', { target: 500, runs: INFERENCE_RUNS.encode });
  const before = await engine.numTensors();
  for (let i = 0; i < 1000; i++) await engine.decode(new Float32Array([i / 500 - 1, 1 - i / 500]));
  const after = await engine.numTensors();
  line('num_tensors_before', before, 'tensors');
  line('num_tensors_after_1000_decodes', after, 'tensors', { target: before });
  return { decodeGrid256Ms, encode2000Ms };
}

/**
 * In-process samples/s of a dense net for `steps` steps (after 3 warm-up steps): by the wall clock,
 * and by this process's CPU time, which other programs on a busy machine do not inflate.
 */
function throughput(
  hidden: number[],
  steps: number,
  optimizer: StepOptimizer = new FusedAdam(1e-3),
): { wall: number; cpu: number } {
  const model = buildAutoencoder({ imageSize: 32, kind: 'ae', hidden }, 1);
  const vars = variablesOf(model);
  const x = new Float32Array(64 * 1024).map((_, i) => (i % 37) / 37);
  const f = new Float32Array(128).fill(0.5);
  const config = { ...DEFAULT_TRAIN_CONFIG, batchSize: 64 };
  let ms = 0;
  let cpu = process.cpuUsage();
  for (let i = 0; i < steps + 3; i++) {
    if (i === 3) cpu = process.cpuUsage();
    const t = performance.now();
    const { grads } = trainStep(model, vars, x, f, config, Math.random);
    applyGradients(optimizer, grads);
    if (i >= 3) ms += performance.now() - t;
  }
  const used = process.cpuUsage(cpu);
  optimizer.dispose();
  disposeModel(model);
  return { wall: (64 * steps) / (ms / 1000), cpu: (64 * steps) / ((used.user + used.system) / 1e6) };
}

async function benchInProcess(): Promise<void> {
  const backend = await initBackend();
  if (backend !== 'wasm') return;
  const ours = throughput([...HIDDEN_UNITS], 150);
  line('default_net_samples_per_second', ours.wall, 'samples/s', {
    cpuTime: round(ours.cpu),
    net: `1024-${HIDDEN_UNITS.join('-')}-2 and back, batch 64, Adam`,
    inProcess: true,
  });
  const reference = throughput([512, 128], 60);
  uninstallWasmKernels();
  const stock = throughput([512, 128], 8, tf.train.adam(1e-3));
  installWasmKernels();
  line('reference_net_samples_per_second', reference.wall, 'samples/s', {
    cpuTime: round(reference.cpu),
    net: '1024-512-128-2 and back, batch 64, Adam',
    inProcess: true,
    stockTfjsWasm: round(stock.wall),
    stockTfjsWasmCpuTime: round(stock.cpu),
    pytorchReference: 7000,
  });
}

/** `--vs-pytorch` adds the PyTorch comparison; `--vs-pytorch-only` runs nothing else. */
const VS_PYTORCH_ONLY = process.argv.includes('--vs-pytorch-only');
/** `--compare-only`: the β ladder and Compare figures alone (bench-compare.ts). */
const COMPARE_ONLY = process.argv.includes('--compare-only');
const VS_PYTORCH = VS_PYTORCH_ONLY || process.argv.includes('--vs-pytorch');

async function main(): Promise<void> {
  const started = performance.now();
  const config = DEFAULT_TRAIN_CONFIG;
  line('default_net_spec', null, '', { ...defaultNetSpec(config) });
  if (COMPARE_ONLY) {
    const engine = await createEngine();
    try {
      await benchCompare(engine, line);
      await benchWalk(engine, line);
    } finally {
      await engine.dispose();
    }
    return;
  }
  if (VS_PYTORCH_ONLY) {
    await benchVsPytorch(line);
    line('bench_seconds', (performance.now() - started) / 1000, 's');
    return;
  }
  const engine = await createEngine();
  line('backend', null, '', { backend: engine.backend });
  let worker: WorkerInference;
  try {
    await benchTraining(engine, config);
    await benchTimeline(engine, line);
    worker = await benchInference(engine, config);
    await benchPmodel(engine, line);
    await benchCompare(engine, line);
    await benchWalk(engine, line);
  } finally {
    await engine.dispose();
  }
  await benchStop(line);
  await benchInProcess();
  if (VS_PYTORCH) await benchVsPytorch(line, worker);
  line('bench_seconds', (performance.now() - started) / 1000, 's');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`bench failed: ${errorMessage(err)}`);
    process.exit(1);
  },
);
