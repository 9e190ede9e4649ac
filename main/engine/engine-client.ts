/**
 * The engine client: an `Engine` whose methods are messages to the worker thread
 * (dist/main/worker.cjs) that `createEngine()` (engine.ts) starts. Nothing here
 * computes, so the owning process's event loop never blocks on training.
 *
 * If the worker dies (an uncaught error, out of memory, `process.exit`), pending calls reject at
 * once, a new worker starts, and the model held before the death is restored from a snapshot kept
 * here (its bundle bytes, refreshed whenever the held model changes and before every run). A run
 * in progress ends with a 'failed' event saying so; calls made meanwhile wait for the new worker.
 *
 * It also keeps the current model's summary (info and image size) as the worker announces it, so
 * the service can size and label a decode without a round trip that would wait for a training step.
 *
 * Decodes and encodes go to two more workers, the mirrors (weights-mirror.ts, mirror-pool.ts),
 * which hold a copy of the current weights that the engine worker publishes; the engine worker runs
 * at a lower OS priority. So a slider's preview neither waits for a training step nor competes with
 * training for the CPU, and a large request runs on both cores (issue 11). Without a mirror (none
 * could start, or they died), they go to the engine worker as before.
 */
import type {
  CompareProbeRequest,
  CompareProbeSlot,
  CompareSlot,
  DataSplit,
  LadderConfig,
  ModelCodes,
  ModelState,
  TimelineInfo,
} from '../../shared/api';
import type { TrainConfig } from '../../shared/train-config';
import { errorMessage } from '../../shared/errors';
import type { EngineEvents, EngineWithDiagnostics, ModelSummary } from './engine';
import type {
  CallName,
  EventMessage,
  ModelSnapshot,
  SlotFrom,
  WorkerCalls,
  WorkerOptions,
} from './worker-protocol';
import { WorkerConnection } from './worker-connection';
import { InteractionClock } from './interaction-clock';
import { IMMEDIATE_ROWS } from './slices';
import type { ModelWeights } from './weights-mirror';
import { MirrorPool } from './mirror-pool';
import { spansWholeBuffer } from '../../shared/buffers';

/** Restarts tried after one death before the engine gives up (the last try restores no model). */
const MAX_RESTARTS = 2;

type Listener = (payload: never) => void;

/** The `Engine` over one worker at a time; made by `createEngine` (engine.ts). */
export class EngineClient implements EngineWithDiagnostics {
  backend = 'unknown';
  private connection: WorkerConnection | null = null;
  /** Settles when the worker is usable: at once, or after a restart. */
  private ready: Promise<void> = Promise.resolve();
  private runId: string | null = null;
  /** The β ladder in progress (ladder.ts), or null. */
  private ladderId: string | null = null;
  private snapshot: ModelSnapshot | null = null;
  /** The current model as the worker last announced it (its 'model' event), or null. */
  private summary: ModelSummary | null = null;
  /** Why the engine cannot work any more (it could not restart), or null. */
  private broken: string | null = null;
  private disposed = false;
  /** True while a new worker is starting after a death (its own death is handled in that loop). */
  private restarting = false;
  private readonly listeners = new Map<keyof EngineEvents, Set<Listener>>();
  /** The decoding workers, or null (not started: the engine worker answers instead). */
  private mirrors: MirrorPool | null = null;
  /** Small decodes sent to the mirror, noted for the training loop (interaction-clock.ts). */
  private readonly interactions = new InteractionClock();

  constructor(
    private readonly workerPath: string,
    /** What restarted workers get (no crash injection). */
    private readonly restartOptions: WorkerOptions,
  ) {}

  /**
   * Starts the mirrors (unless `withMirror` is false), then a worker and its backend. Mirrors that
   * cannot start are left out; without any, the engine worker answers decodes itself.
   */
  async start(options: WorkerOptions, withMirror = true): Promise<void> {
    if (withMirror && !this.mirrors) await this.startMirrors();
    if (this.mirrors?.running)
      options = {
        ...options,
        publishWeights: true,
        lowPriority: true,
        interactions: this.interactions.buffer,
      };
    const connection = new WorkerConnection(this.workerPath, options, {
      onEvent: (msg) => this.receive(connection, msg),
      onDeath: (reason) => this.onDeath(connection, reason),
    });
    this.connection = connection;
    this.backend = (await connection.call('init', undefined)).backend;
  }

  current(): Promise<ModelState | null> {
    return this.call('current', undefined);
  }
  async currentSummary(): Promise<ModelSummary | null> {
    await this.usable();
    return this.summary;
  }
  async train(config: TrainConfig): Promise<{ runId: string }> {
    if (this.runId) throw new Error('A training run is already in progress; stop it first.');
    const runId = `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.runId = runId;
    try {
      // Why before the run: if the worker dies during it, this is the model to bring back.
      await this.rememberHeldModel();
      return await this.call('train', { config, runId });
    } catch (err) {
      if (this.runId === runId) this.runId = null;
      throw err;
    }
  }
  pause(): Promise<void> {
    return this.control('pause');
  }
  resume(): Promise<void> {
    return this.control('resume');
  }
  stop(): Promise<void> {
    return this.control('stop');
  }
  isTraining(): boolean {
    return this.runId !== null;
  }
  timelineInfo(): Promise<TimelineInfo | null> {
    return this.call('timelineInfo', undefined);
  }
  viewEpoch(epoch: number | null): Promise<ModelState> {
    return this.call('timelineView', { epoch });
  }
  timelineCodes(epoch: number): Promise<{ epoch: number; codes: Float32Array }> {
    return this.call('timelineCodes', { epoch });
  }
  async rotate(angle: number): Promise<ModelState> {
    const state = await this.call('rotate', { angle });
    // The turned weights are the model to bring back if the worker dies.
    await this.rememberHeldModel();
    return state;
  }
  compareFill(slot: number, from: SlotFrom): Promise<CompareSlot> {
    return this.call('compareFill', { slot, from });
  }
  compareClear(slot: number): Promise<void> {
    return this.call('compareClear', { slot });
  }
  compareProbe(req: CompareProbeRequest): Promise<CompareProbeSlot[]> {
    return this.call('compareProbe', req);
  }
  async startLadder(ladder: LadderConfig): Promise<{ runId: string }> {
    if (this.runId) throw new Error('A training run is in progress; stop it before the β ladder.');
    if (this.ladderId) throw new Error('The β ladder is already training.');
    const runId = `ladder-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.ladderId = runId;
    try {
      return await this.call('ladderStart', { ladder, runId });
    } catch (err) {
      if (this.ladderId === runId) this.ladderId = null;
      throw err;
    }
  }
  async stopLadder(): Promise<void> {
    const runId = this.ladderId;
    if (runId) await this.call('ladderStop', { runId });
  }
  isLaddering(): boolean {
    return this.ladderId !== null;
  }
  /** Transfers `images`' buffer to the worker when the array spans all of it (no 8 MB copy). */
  async encode(images: Float32Array, count: number): Promise<Float32Array> {
    const whole = spansWholeBuffer(images);
    if (this.mirrors?.usable) {
      const codes = await this.mirrors.encode(images, count, whole);
      if (codes) return codes;
    }
    return this.call('encode', { images, count }, whole ? [images.buffer as ArrayBuffer] : []);
  }
  /** On the mirrors when they hold the current weights; on the engine if none does, or one dies. */
  async decode(z: Float32Array): Promise<Float32Array> {
    if (this.mirrors?.usable) {
      if (z.length / 2 <= IMMEDIATE_ROWS) this.interactions.note();
      const images = await this.mirrors.decode(z);
      if (images) return images;
    }
    return this.call('decode', { z });
  }
  codes(split: DataSplit): Promise<ModelCodes> {
    return this.call('codes', { split });
  }
  async loadModelDir(dir: string, source: 'bundled' | 'loaded', id?: string): Promise<ModelState> {
    const state = await this.call('loadDir', { dir, source, id });
    await this.rememberHeldModel();
    return state;
  }
  saveModelDir(dir: string, label?: { id?: string; name?: string }): Promise<void> {
    return this.call('saveDir', { dir, label });
  }
  exportBundle(opts: { withTimeline?: boolean } = {}): Promise<Uint8Array> {
    return this.call('exportBundle', { withTimeline: opts.withTimeline ?? false });
  }
  async importBundle(bytes: Uint8Array, source?: 'trained' | 'loaded'): Promise<ModelState> {
    const state = await this.call('importBundle', source ? { bytes, source } : { bytes });
    await this.rememberHeldModel();
    return state;
  }
  /** Tensors alive in the workers, engine and mirror (for leak checks and the benchmark). */
  async numTensors(): Promise<number> {
    const engine = (await this.call('memory', undefined)).numTensors;
    return engine + ((await this.mirrors?.numTensors()) ?? 0);
  }

  /** Whether decodes go to the mirror now (for tests). */
  get decodesOnMirror(): boolean {
    return this.mirrors?.usable ?? false;
  }

  on<E extends keyof EngineEvents>(event: E, listener: (payload: EngineEvents[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.runId = null;
    await Promise.all([this.connection?.terminate(), this.mirrors?.terminate()]);
  }

  private async startMirrors(): Promise<void> {
    const mirrors = new MirrorPool(this.workerPath);
    await mirrors.start();
    if (mirrors.running) this.mirrors = mirrors;
    else console.warn('No decoding worker could start; the engine decodes instead.');
  }

  /** Passes the engine's weights on to the mirrors (in order: decodes sent later see them). */
  private forwardWeights(weights: ModelWeights | null): void {
    this.mirrors?.setWeights(weights);
  }

  /**
   * Pause, resume or stop of the run this client started, from the moment `train` is called: the
   * message names the run, so it also applies if it reaches the worker before 'train' does (sent
   * after the snapshot round trip). Nothing to do when no run is underway.
   */
  private async control(name: 'pause' | 'resume' | 'stop'): Promise<void> {
    const runId = this.runId;
    if (runId) await this.call(name, { runId });
  }

  /** A call to the current worker, once it is ready (after a restart, the new one). */
  private async call<K extends CallName>(
    name: K,
    arg: WorkerCalls[K][0],
    transfer: ArrayBuffer[] = [],
  ): Promise<WorkerCalls[K][1]> {
    return (await this.usable()).call(name, arg, transfer);
  }

  /** The current worker once it is ready; rejects when the engine is disposed or broken. */
  private async usable(): Promise<WorkerConnection> {
    // A death while waiting starts another restart: wait for the latest one.
    for (let ready = this.ready; ; ready = this.ready) {
      await ready;
      if (ready === this.ready) break;
    }
    if (this.disposed) throw new Error('The engine has been disposed.');
    if (this.broken || !this.connection) throw new Error(this.broken ?? 'The engine is not running.');
    return this.connection;
  }

  /** Keeps the held model's bytes here, so a new worker can get it back. Best effort. */
  private async rememberHeldModel(): Promise<void> {
    try {
      this.snapshot = await this.call('snapshot', undefined);
    } catch (err) {
      if (!this.disposed) console.warn(`Could not keep a copy of the current model: ${errorMessage(err)}`);
    }
  }

  private receive(connection: WorkerConnection, msg: EventMessage): void {
    if (connection !== this.connection) return;
    if (msg.event === 'model') {
      this.summary = (msg as EventMessage<'model'>).payload;
      return;
    }
    if (msg.event === 'weights') {
      this.forwardWeights((msg as EventMessage<'weights'>).payload);
      return;
    }
    if (msg.event === 'ladder-finished' || msg.event === 'ladder-failed') {
      const ended = (msg.payload as { runId?: string }).runId;
      if (ended === this.ladderId) this.ladderId = null;
    }
    if (msg.event === 'finished' || msg.event === 'failed') {
      // Why by id: a late end of an earlier run must not make this client forget the run in
      // progress (its stop and pause would then go nowhere).
      const ended = (msg.payload as { runId?: string }).runId;
      if (ended === undefined || ended === this.runId) this.runId = null;
      // The run's result (or the last good weights it kept) may now be the held model.
      void this.rememberHeldModel();
    }
    this.emit(msg.event, msg.payload as EngineEvents[typeof msg.event]);
  }

  private emit<E extends keyof EngineEvents>(event: E, payload: EngineEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as (p: EngineEvents[E]) => void)(payload);
      } catch (err) {
        console.error(`engine ${event} listener threw:`, err);
      }
    }
  }

  private onDeath(connection: WorkerConnection, reason: string): void {
    if (this.disposed || this.restarting || connection !== this.connection) return;
    // The mirrored weights may be those of a run the death ended: decode on the new engine until
    // it publishes the model it restored.
    this.mirrors?.forgetWeights();
    const runId = this.runId;
    this.runId = null;
    const ladderId = this.ladderId;
    this.ladderId = null;
    if (ladderId) {
      const message = `The β ladder stopped: the engine crashed (${reason}); run it again.`;
      this.emit('ladder-failed', { runId: ladderId, message });
    }
    // The Compare slots' models died with the worker.
    this.emit('compare-reset', {
      reason: `The engine restarted (${reason}): the Compare slots were emptied.`,
    });
    this.ready = this.restart(reason, runId);
  }

  /** Starts a new worker and restores the snapshot; then reports a run the death ended. */
  private async restart(reason: string, runId: string | null): Promise<void> {
    const restored = await this.restartWorker();
    if (this.disposed) return;
    const outcome = this.broken
      ? `It could not be restarted (${this.broken}); restart Latent Atlas.`
      : restored
        ? `It was restarted and the previous model ("${restored}") was restored.`
        : 'It was restarted with no model loaded.';
    const message = `${runId ? 'Training stopped: the' : 'The'} engine crashed (${reason}). ${outcome}`;
    if (runId) this.emit('failed', { runId, message });
    else console.warn(message);
  }

  /** Tries MAX_RESTARTS times; the last try skips the snapshot (it may be what kills the worker). */
  private async restartWorker(): Promise<string | null> {
    this.restarting = true;
    let lastError = 'no attempt was made';
    try {
      for (let attempt = 1; attempt <= MAX_RESTARTS && !this.disposed; attempt++) {
        const snapshot = attempt < MAX_RESTARTS ? this.snapshot : null;
        this.summary = null; // the model died with the worker; a restored one is announced again
        try {
          await this.start(this.restartOptions);
        } catch (err) {
          lastError = errorMessage(err);
          await this.connection?.terminate();
          continue;
        }
        if (!snapshot || this.disposed) return null;
        try {
          await this.connection!.call('importBundle', { bytes: snapshot.bytes, source: snapshot.source });
          return snapshot.name;
        } catch (err) {
          lastError = errorMessage(err);
          if (this.connection!.isDead) {
            this.snapshot = null; // it died restoring this model: try once more without it
            continue;
          }
          console.warn(`Could not restore the previous model: ${lastError}`);
          this.snapshot = null;
          return null;
        }
      }
      if (!this.disposed) this.broken = lastError;
      return null;
    } finally {
      this.restarting = false;
    }
  }
}
