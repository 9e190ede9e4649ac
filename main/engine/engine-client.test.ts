import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ModelState, TrainEpoch, TrainFailed, TrainFinished, TrainProgress } from '../../shared/api';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../shared/train-config';
import type { Engine, EngineEvents, EngineOptions } from './engine';
import { type EngineWithDiagnostics, createEngine } from './engine';
import { WorkerConnection } from './worker-connection';
import { TRAINING_NICE } from '../node/thread-priority';
import { MIRROR_COUNT, type MirrorPool } from './mirror-pool';

const WORKER = 'dist/main/worker.cjs';
/** A bundled model (32 px), loaded by the tests that need a model to start from. */
const BUNDLED = resolve('assets/models/aligned');
const SMALL: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, datasetSize: 400, epochs: 3, batchSize: 40 };
/** Every test starts its own engines; they are disposed after it. */
const engines: EngineWithDiagnostics[] = [];
let root: string;

async function newEngine(opts: EngineOptions = {}): Promise<EngineWithDiagnostics> {
  const engine = await createEngine({ workerPath: WORKER, ...opts });
  engines.push(engine);
  return engine;
}

/** A new engine holding the bundled model. */
async function engineWithModel(opts: EngineOptions = {}): Promise<[EngineWithDiagnostics, ModelState]> {
  const engine = await newEngine(opts);
  return [engine, await engine.loadModelDir(BUNDLED, 'bundled', 'aligned')];
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'atlas-engine-'));
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.dispose()));
  vi.restoreAllMocks();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function next<E extends keyof EngineEvents>(e: Engine, event: E): Promise<EngineEvents[E]> {
  return new Promise((resolve) => {
    const off = e.on(event, (payload) => {
      off();
      resolve(payload);
    });
  });
}

/** How the next run ends: 'finished', or 'failed' turned into a rejection. */
function nextEnd(e: Engine): Promise<TrainFinished> {
  return new Promise((resolve, reject) => {
    const offs = [
      e.on('finished', (f) => (offs.forEach((off) => off()), resolve(f))),
      e.on('failed', (f) => (offs.forEach((off) => off()), reject(new Error(f.message)))),
    ];
  });
}

function collect<E extends keyof EngineEvents>(e: Engine, event: E): EngineEvents[E][] {
  const out: EngineEvents[E][] = [];
  e.on(event, (p) => out.push(p));
  return out;
}

describe('engine (worker thread)', () => {
  it('starts on the wasm backend with no model', async () => {
    const engine = await newEngine();
    expect(engine.backend).toBe('wasm');
    expect(await engine.current()).toBeNull();
    expect(await engine.currentSummary()).toBeNull();
    await expect(engine.decode(new Float32Array([0, 0]))).rejects.toThrow(/No model is loaded/);
  });

  it('trains: events arrive, decode works during training, the result becomes current', async () => {
    const engine = await newEngine();
    const progress = collect(engine, 'progress') as TrainProgress[];
    const epochs = collect(engine, 'epoch') as TrainEpoch[];
    const finished = next(engine, 'finished');
    const firstProgress = next(engine, 'progress');
    const { runId } = await engine.train(SMALL);
    expect(engine.isTraining()).toBe(true);
    await expect(engine.train(SMALL)).rejects.toThrow(/already in progress/);
    await firstProgress;
    const during = await engine.current();
    expect(during?.info.source).toBe('training');
    const images = await engine.decode(new Float32Array([0, 0, 0.5, -0.5]));
    expect(images.length).toBe(2 * 32 * 32);
    const done: TrainFinished = await finished;
    expect(engine.isTraining()).toBe(false);
    expect(done).toMatchObject({ runId, stopped: false });
    expect(done.model.info).toMatchObject({ source: 'trained', epochsTrained: 3, id: runId });
    expect(done.model.points.count).toBe(80);
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(epochs[2]!.codes).toEqual(done.model.points.codes);
    expect(progress.every((p) => p.runId === runId)).toBe(true);
    const current = await engine.current();
    expect(current?.info.source).toBe('trained');
    expect(current?.info.metrics?.valNmse).toBeGreaterThan(0);
  });

  it('decodes without asking the worker for the model, and its summary follows every model change', async () => {
    const [engine, bundled] = await engineWithModel();
    expect(await engine.currentSummary()).toEqual({ info: bundled.info, imageSize: 32 });
    const calls = vi.spyOn(WorkerConnection.prototype, 'call');
    await engine.currentSummary();
    await engine.decode(new Float32Array([0.1, 0.2]));
    expect(calls.mock.calls.map(([name]) => name)).toEqual(['decode']);

    // Another image size: the summary changes as the run starts, and again as it finishes.
    const finished = next(engine, 'finished');
    const { runId } = await engine.train({
      ...SMALL,
      imageSize: 64,
      datasetSize: 200,
      epochs: 1,
      batchSize: 20,
    });
    expect(await engine.currentSummary()).toMatchObject({
      imageSize: 64,
      info: { id: runId, source: 'training' },
    });
    const done = await finished;
    expect(await engine.currentSummary()).toEqual({ info: done.model.info, imageSize: 64 });
    expect((await engine.decode(new Float32Array([0, 0]))).length).toBe(64 * 64);

    const imported = await engine.importBundle(await engine.exportBundle());
    expect(await engine.currentSummary()).toEqual({ info: imported.info, imageSize: 64 });
    const reloaded = await engine.loadModelDir(BUNDLED, 'bundled', 'aligned');
    expect(await engine.currentSummary()).toEqual({ info: reloaded.info, imageSize: 32 });
    expect(calls.mock.calls.map(([name]) => name)).not.toContain('current');
  });

  it('encodes and decodes in batches, and leaks no tensors over 200 decodes', async () => {
    const [engine] = await engineWithModel();
    const grid = new Float32Array(2 * 256).map((_, i) => (i % 7) / 7 - 0.5);
    const images = await engine.decode(grid);
    expect(images.length).toBe(256 * 1024);
    const whole = images.slice(0, 10 * 1024);
    const codes = await engine.encode(whole, 10);
    expect(codes.length).toBe(20);
    expect(codes.every(Number.isFinite)).toBe(true);
    expect(whole.byteLength).toBe(0); // its buffer was transferred to the worker, not copied
    const view = images.subarray(0, 10 * 1024); // a view of a larger buffer is copied instead
    expect(Array.from(await engine.encode(view, 10))).toEqual(Array.from(codes));
    expect(view.length).toBe(10 * 1024);
    await expect(engine.encode(new Float32Array(5), 1)).rejects.toThrow(/expected 1 images/);
    const before = await engine.numTensors();
    for (let i = 0; i < 200; i++) await engine.decode(new Float32Array([i / 100, -i / 100]));
    expect(await engine.numTensors()).toBe(before);
  });

  it('decodes on the mirrors with the weights of every model change and of a run, large requests split in two, and on the engine once they are gone', async () => {
    const [engine] = await engineWithModel();
    const z = new Float32Array([0.2, -0.4, 1.1, 0.3]);
    const onEngine = (codes = z): Promise<Float32Array> =>
      (engine as unknown as { call(n: 'decode', a: { z: Float32Array }): Promise<Float32Array> }).call(
        'decode',
        { z: codes },
      );
    const pool = (engine as unknown as { mirrors: MirrorPool }).mirrors;
    expect((engine as unknown as { decodesOnMirror: boolean }).decodesOnMirror).toBe(true);
    const mirrors = (
      pool as unknown as { mirrors: { connection: { call(name: string): Promise<unknown> } }[] }
    ).mirrors;
    expect(mirrors).toHaveLength(MIRROR_COUNT);
    const calls = mirrors.map((m) => vi.spyOn(m.connection, 'call'));
    const names = (): string[][] => calls.map((c) => c.mock.calls.map((call) => String(call[0])));
    const bundled = await engine.decode(z);
    expect(Array.from(bundled)).toEqual(Array.from(await onEngine()));
    await engine.encode(bundled.slice(0, 1024), 1);
    expect(names()).toEqual([['decode', 'encode'], []]); // small: the first mirror only, none to the engine
    // A large request: half on each mirror, the same numbers as the engine's, in order.
    const grid = Float32Array.from({ length: 2 * 200 }, (_, i) => Math.sin(i) * 2);
    const split = await engine.decode(grid);
    expect(names()).toEqual([['decode', 'encode', 'decode'], ['decode']]);
    expect(Array.from(split)).toEqual(Array.from(await onEngine(grid)));
    const images = split.slice();
    const codes = await engine.encode(split, 200);
    expect(names()[1]).toEqual(['decode', 'encode']);
    expect(split.byteLength).toBe(0); // handed over, not copied
    const onEngineCodes = await (
      engine as unknown as {
        call(n: 'encode', a: { images: Float32Array; count: number }): Promise<Float32Array>;
      }
    ).call('encode', { images, count: 200 });
    expect(Array.from(codes)).toEqual(Array.from(onEngineCodes));
    calls.forEach((c) => c.mockRestore());
    // A slider's decode is noted for the training loop (it rests meanwhile); a view's big one is not.
    const interactions = (engine as unknown as { interactions: { since(): number } }).interactions;
    await engine.decode(z);
    expect(interactions.since()).toBeLessThan(1000);
    const quietFor = interactions.since();
    await engine.decode(new Float32Array(2 * 100));
    expect(interactions.since()).toBeGreaterThanOrEqual(quietFor);
    const finished = nextEnd(engine);
    const epoch = next(engine, 'epoch');
    await engine.train(SMALL);
    await epoch;
    await new Promise((r) => setTimeout(r, 250)); // the mirrors get the run's weights at each progress report
    expect(Array.from(await engine.decode(z))).not.toEqual(Array.from(bundled));
    await finished;
    expect(Array.from(await engine.decode(z))).toEqual(Array.from(await onEngine()));
    expect(Array.from(await engine.decode(grid))).toEqual(Array.from(await onEngine(grid)));
    // One mirror gone: the other answers everything; both gone: the engine.
    await pool.kill(0);
    expect(Array.from(await engine.decode(grid))).toEqual(Array.from(await onEngine(grid)));
    expect((engine as unknown as { decodesOnMirror: boolean }).decodesOnMirror).toBe(true);
    await pool.kill(1);
    expect((engine as unknown as { decodesOnMirror: boolean }).decodesOnMirror).toBe(false);
    expect(Array.from(await engine.decode(z))).toEqual(Array.from(await onEngine()));
  });

  it.runIf(process.platform === 'linux')(
    'runs the engine thread at a lower OS priority than this process and the mirror',
    async () => {
      /** Nice values of this process's threads (field 19 of /proc/self/task/<tid>/stat). */
      const nices = async (): Promise<number[]> => {
        const tids = await readdir('/proc/self/task');
        const stats = await Promise.all(
          tids.map((t) => readFile(`/proc/self/task/${t}/stat`, 'utf8').catch(() => '')),
        );
        return stats
          .filter(Boolean)
          .map((stat) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
      };
      const before = (await nices()).filter((n) => n === TRAINING_NICE).length;
      await newEngine();
      const after = await nices();
      expect(after.filter((n) => n === TRAINING_NICE).length).toBe(before + 1); // the engine thread only
      expect(after[0]).not.toBe(TRAINING_NICE); // the main thread keeps its priority
    },
  );

  it('saves, loads and exports/imports; bad files leave the current model in place', async () => {
    const [engine] = await engineWithModel();
    const dir = join(root, 'saved');
    await engine.saveModelDir(dir);
    const z = new Float32Array([0.3, -0.2]);
    const expected = await engine.decode(z);
    const loaded = await engine.loadModelDir(dir, 'loaded', 'my-id');
    expect(loaded.info).toMatchObject({ source: 'loaded', id: 'my-id' });
    expect(await engine.decode(z)).toEqual(expected);
    await expect(engine.loadModelDir(join(root, 'missing'), 'loaded')).rejects.toThrow(
      /model\.json is missing/,
    );
    await expect(engine.importBundle(new TextEncoder().encode('nonsense'))).rejects.toThrow(/not valid JSON/);
    expect((await engine.current())?.info.id).toBe('my-id');
    expect((await engine.currentSummary())?.info.id).toBe('my-id');
    const bundle = await engine.exportBundle();
    const imported = await engine.importBundle(bundle);
    expect(imported.info.source).toBe('loaded');
    expect(await engine.decode(z)).toEqual(expected);
  });

  it('stop ends the run early and keeps what was trained', async () => {
    const engine = await newEngine();
    const finished = next(engine, 'finished');
    await engine.train({ ...SMALL, epochs: 200 });
    await next(engine, 'epoch');
    await engine.stop();
    const done = await finished;
    expect(done.stopped).toBe(true);
    expect(done.model.info.epochsTrained).toBeGreaterThanOrEqual(1);
    expect(done.model.info.epochsTrained).toBeLessThan(200);
    expect((await engine.current())?.info.id).toBe(done.runId);
  });

  it('a stop at any moment from 0 to 2 s after Train stops the run; before an epoch ends, the previous model stays', async () => {
    const [engine] = await engineWithModel();
    const outcomes: string[] = [];
    for (const ms of [0, 1, 5, 10, 20, 50, 100, 200, 350, 500, 750, 1000, 1500, 2000]) {
      const before = (await engine.currentSummary())!.info;
      const end = nextEnd(engine);
      const started = engine.train({ ...SMALL, epochs: 500 });
      if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
      await engine.stop();
      const { runId } = await started;
      const done = await end;
      expect(done).toMatchObject({ runId, stopped: true });
      expect(engine.isTraining()).toBe(false);
      const current = (await engine.currentSummary())!.info;
      if (done.keptPrevious) {
        expect(done.model.info).toEqual(before);
        expect(current).toEqual(before);
      } else {
        expect(done.model.info).toMatchObject({ id: runId, source: 'trained' });
        expect(done.model.info.epochsTrained).toBeGreaterThanOrEqual(1);
        expect(done.model.info.epochsTrained).toBeLessThan(500);
        expect(current.id).toBe(runId);
      }
      outcomes.push(
        `${ms} ms: ${done.keptPrevious ? 'kept previous' : `${done.model.info.epochsTrained} epochs`}`,
      );
    }
    // Both endings happened: stops before the first epoch ended, and after.
    expect(outcomes.some((o) => o.endsWith('kept previous'))).toBe(true);
    expect(outcomes.some((o) => o.endsWith('epochs'))).toBe(true);
    console.log(`stop after Train: ${outcomes.join(', ')}`);
  });

  it('a pause asked as Train is clicked holds the run before its first step', async () => {
    const [engine, previous] = await engineWithModel();
    const progress = next(engine, 'progress');
    const end = nextEnd(engine);
    const started = engine.train({ ...SMALL, epochs: 500 });
    await engine.pause();
    const { runId } = await started;
    expect(await progress).toMatchObject({ runId, epoch: 1, step: 0, paused: true });
    await engine.stop();
    expect(await end).toMatchObject({ runId, stopped: true, keptPrevious: true });
    expect((await engine.current())?.info).toEqual(previous.info);
  });

  it('reports divergence as a failure and keeps the previous model', async () => {
    const [engine, previous] = await engineWithModel({ injectNanAtStep: 2 });
    await expect(engine.train({ ...SMALL, datasetSize: 200, batchSize: 40 })).resolves.toHaveProperty(
      'runId',
    );
    const failed: TrainFailed = await next(engine, 'failed');
    expect(failed.message).toMatch(
      /Training diverged \(loss became NaN or Infinity\) at epoch 1, step 3.*previous model was kept/,
    );
    expect(engine.isTraining()).toBe(false);
    expect((await engine.current())?.info.id).toBe(previous.info.id);
    expect(await engine.currentSummary()).toEqual({ info: previous.info, imageSize: 32 });
  });

  it('says so when the worker dies while starting', async () => {
    const path = join(root, 'dies-at-start.cjs');
    await writeFile(path, 'process.exit(3);');
    await expect(createEngine({ workerPath: path })).rejects.toThrow(
      'The engine could not start: it exited with code 3.',
    );
  });

  it('rejects an invalid config without starting', async () => {
    const engine = await newEngine();
    await expect(engine.train({ ...SMALL, learningRate: -1 })).rejects.toThrow(/learningRate/);
    expect(engine.isTraining()).toBe(false);
  });

  it('survives a worker that dies in training: failed event, new worker, previous model restored, trains again', async () => {
    const [crashing, previous] = await engineWithModel({ injectCrash: { atStep: 2, how: 'throw' } });
    const z = new Float32Array([0.3, -0.2]);
    const before = await crashing.decode(z);
    const failed = next(crashing, 'failed');
    const { runId } = await crashing.train({ ...SMALL, epochs: 1 });
    const report: TrainFailed = await failed;
    expect(report.runId).toBe(runId);
    expect(report.message).toMatch(
      /^Training stopped: the engine crashed \(it threw an uncaught error: injected crash/,
    );
    expect(report.message).toContain(`the previous model ("${previous.info.name}") was restored`);
    expect(crashing.isTraining()).toBe(false);
    expect((await crashing.current())?.info).toMatchObject({ id: previous.info.id, source: 'bundled' });
    expect(await crashing.currentSummary()).toEqual({ info: previous.info, imageSize: 32 });
    expect(await crashing.decode(z)).toEqual(before);
    const finished = next(crashing, 'finished'); // the new worker has no crash hook
    await crashing.train({ ...SMALL, epochs: 1 });
    expect((await finished).model.info.epochsTrained).toBe(1);
  });

  it('rejects calls pending when the worker exits, and answers the next ones from a new worker', async () => {
    // The worker exits as it receives 'memory' (numTensors), so that call is surely pending then.
    const crashing = await newEngine({ injectCrash: { onCall: 'memory', how: 'exit' } });
    const failed = next(crashing, 'failed');
    const progress = next(crashing, 'progress');
    await crashing.train({ ...SMALL, epochs: 50 });
    await progress;
    await expect(crashing.numTensors()).rejects.toThrow(/engine crashed \(it exited with code 70\)/);
    expect((await failed).message).toMatch(
      /crashed \(it exited with code 70\)\. It was restarted with no model loaded\./,
    );
    expect(await crashing.current()).toBeNull();
    expect(await crashing.currentSummary()).toBeNull();
    await expect(crashing.decode(new Float32Array([0, 0]))).rejects.toThrow(/No model is loaded/);
  });
});
