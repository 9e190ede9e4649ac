/**
 * What the worker thread owns: the current model, the training run (if any) and the datasets.
 * Independent of worker_threads (worker.ts only wires messages to it), so tests can drive it
 * in-process. Encode/decode use the weights being trained while a run is in progress; JavaScript
 * runs them between two training steps, since the loop yields after every step.
 *
 * Payloads are validated three times on purpose, as defence in depth at a thread boundary:
 * shared/validate.ts checks every request at the service, encode/decode check sizes and finiteness
 * again (sliced-inference.ts, for the mirror too), and `train` runs validateTrainConfig again. The worker trusts no caller, so
 * a service bug or another client (the CLIs, the benchmark) cannot feed it NaN or huge sizes.
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
  TrainEpoch,
} from '../../shared/api';
import { LADDER_LIMITS } from '../../shared/api';
import type { TrainConfig } from '../../shared/train-config';
import { errorMessage } from '../../shared/errors';
import type { Dataset } from '../../shared/dataset';
import { validateTrainConfig } from '../../shared/validate';
import { countOf } from '../../shared/wording';
import { initBackend } from './backend';
import { DatasetCache } from './dataset-cache';
import { encodeImages, evaluate } from './evaluate';
import { type Held, stateOf, summaryOf, trainedName, untrainedModel, withScores } from './held-model';
import { type Autoencoder, disposeModel } from './model';
import { decodeRequest, encodeRequest, encodeSplitRequest, ModelLeases } from './sliced-inference';
import { IMMEDIATE_ROWS } from './slices';
import { modelFromWeights, weightsOf } from './weights-mirror';
import { type Snapshot, Timeline } from './timeline';
import { packTimeline, unpackTimeline } from './timeline-file';
import type { AtlasMeta } from './model-meta';
import { fromStored, packBundle, readModelDir, toStored, unpackBundle, writeModelDir } from './model-store';
import { TrainControl, TrainingDivergedError, type TrainOutcome, runTraining } from './train-loop';
import type { HeldSource, ModelSnapshot, SlotFrom, WorkerEvents } from './worker-protocol';
import type { InteractionClock } from './interaction-clock';
import { CompareSlots } from './compare-slots';
import { runLadder } from './ladder';
import { rotateLatent, VAE_NOT_ROTATABLE } from './rotate-latent';
import type { StoredModel } from './model-store';
import { THRESHOLD_CODES } from '../../shared/judge';

/** Sends an event to the client. */
export type Emit = <E extends keyof WorkerEvents>(event: E, payload: WorkerEvents[E]) => void;

/** A run in progress; `held` (its model) is null while its dataset is being prepared. */
interface Run {
  runId: string;
  config: TrainConfig;
  control: TrainControl;
  held: Held | null;
}

/** Test hooks of the training loop (see TrainLoopOptions) and of a run's dataset preparation. */
export interface CoreOptions {
  injectNanAtStep?: number;
  beforeStep?: (globalStep: number) => void;
  /** After each chunk of a run's dataset: images rendered so far, of how many. */
  onDatasetRendered?: (rendered: number, total: number) => void;
  /** The dataset cache (a test passes its own to see what is kept). */
  datasets?: DatasetCache;
  /** Publish the current weights for a mirror ('weights' events; see weights-mirror.ts). */
  publishWeights?: boolean;
  /** Interactions noted by the engine client as it sends decodes to the mirror (interaction-clock.ts). */
  interactions?: InteractionClock;
}

/** What a run stopped before its first epoch ended says when there is no previous model to keep. */
export const STOPPED_WITHOUT_MODEL =
  'Training was stopped before its first epoch ended, so there is no model yet: train again and let at least one epoch finish.';

/** The worker's state and operations. Every method throws an Error with a user-facing message. */
export class EngineCore {
  private held: Held | null = null;
  private run: Run | null = null;
  /** Controls asked for a run whose 'train' call has not arrived yet (see worker-protocol.ts). */
  private early: { runId: string; control: TrainControl } | null = null;
  private readonly datasets: DatasetCache;
  /** Keeps a replaced model alive until the sliced requests using it end. */
  private readonly leases = new ModelLeases();
  /** The Compare view's models (compare-slots.ts). */
  private readonly compare: CompareSlots;
  /** The β ladder in progress, and the config of the rung it trains (its dataset is kept). */
  private ladder: { runId: string; control: TrainControl; config: TrainConfig | null } | null = null;
  /** A rotation is being scored (rotate): another waits for it to end. */
  private rotating = false;
  /** The epochs of the last run, kept for the model it trained (timeline.ts). */
  private timeline: { model: Autoencoder; timeline: Timeline } | null = null;
  /** The current model as it was at an epoch of its run (timeline:view), shown instead of it. */
  private viewing: Held | null = null;
  /** The last ladder's models, by id, to open in a Compare slot (at most LADDER_LIMITS' 8 × 5). */
  private readonly ladderModels = new Map<string, StoredModel>();

  constructor(
    private readonly emit: Emit,
    private readonly opts: CoreOptions = {},
  ) {
    this.datasets = opts.datasets ?? new DatasetCache();
    this.compare = new CompareSlots(this.datasets, () => this.releaseDatasets());
  }

  init(): Promise<string> {
    return initBackend();
  }

  current(): ModelState | null {
    const held = this.viewing ?? this.run?.held ?? this.held;
    return held ? stateOf(held) : null;
  }

  /**
   * Starts a run: prepares its dataset a chunk at a time (stop, pause and decodes are answered
   * meanwhile), builds and announces its model, and resolves once it trains; events report the
   * rest. A stop before that ends the run at once, and the previous model stays.
   */
  async train(configArg: TrainConfig, runId: string): Promise<{ runId: string }> {
    if (this.run) throw new Error('A training run is already in progress; stop it first.');
    if (this.ladder) throw new Error('The β ladder is training; cancel it first.');
    const config = validateTrainConfig(configArg);
    const control =
      this.early?.runId === runId ? this.early.control : new TrainControl(this.opts.interactions);
    this.early = null;
    const run: Run = { runId, config, control, held: null };
    this.run = run;
    this.releaseDatasets();
    let dataset: Dataset | null;
    try {
      dataset = await this.datasets.prepare(config, {
        cancelled: () => control.stopRequested,
        onRendered: this.opts.onDatasetRendered,
      });
      if (dataset) run.held = await untrainedModel(config, dataset, runId, () => control.stopRequested);
    } catch (err) {
      this.run = null;
      this.releaseDatasets();
      throw err;
    }
    if (!dataset || !run.held) {
      this.endBeforeFirstEpoch(run, 0);
      return { runId };
    }
    this.clearView();
    this.timeline = { model: run.held.model, timeline: new Timeline() };
    this.announce();
    void this.execute(run, run.held, config, dataset);
    return { runId };
  }

  pause(runId: string): void {
    this.controlOf(runId).pause();
  }
  resume(runId: string): void {
    this.controlOf(runId).resume();
  }
  stop(runId: string): void {
    this.controlOf(runId).stop();
  }

  /** Encodes images with the current model; a large batch in slices (sliced-inference.ts). */
  encode(images: Float32Array, count: number): Promise<Float32Array> {
    return encodeRequest(this.leases, this.require().model, images, count);
  }

  /** Decodes codes with the current model; a large batch in slices (sliced-inference.ts). */
  decode(z: Float32Array): Promise<Float32Array> {
    const { model } = this.require();
    if (z.length / 2 <= IMMEDIATE_ROWS) this.run?.control.noteInteraction();
    return decodeRequest(this.leases, model, z);
  }

  /** A split of the current model's dataset, encoded on the current weights (also while training). */
  async codes(split: DataSplit): Promise<ModelCodes> {
    if (split !== 'train' && split !== 'val') throw new Error(`codes: unknown split "${String(split)}"`);
    const { model, meta } = this.require();
    const part = this.datasets.get(meta.config)[split];
    const reconRows = split === 'val' ? THRESHOLD_CODES : 0;
    const { codes, logVar, reconMse } = await encodeSplitRequest(
      this.leases,
      model,
      part.images,
      part.count,
      reconRows,
    );
    // Why a copy: the reply transfers its buffers, and the dataset keeps its factors for later.
    return { split, codes, factors: part.factors.slice(), logVar, count: part.count, reconMse };
  }

  async loadDir(dir: string, source: 'bundled' | 'loaded', id?: string): Promise<ModelState> {
    this.refuseWhileTraining('load a model');
    const stored = await readModelDir(dir);
    return await this.adopt(fromStored(stored, dir), source, id);
  }

  async saveDir(dir: string, label: { id?: string; name?: string } = {}): Promise<void> {
    const held = this.require();
    const meta = {
      ...held.meta,
      ...(label.id ? { id: label.id } : {}),
      ...(label.name ? { name: label.name } : {}),
    };
    await writeModelDir(dir, await toStored(held.model, meta));
  }

  /**
   * The current model as bundle bytes; `withTimeline` adds its training timeline (timeline-file.ts),
   * which the file then carries back when it is opened.
   */
  async exportBundle({ withTimeline = false }: { withTimeline?: boolean } = {}): Promise<Uint8Array> {
    const held = this.require();
    const stored = await toStored(held.model, held.meta);
    if (!withTimeline) return packBundle(stored);
    if (this.viewing)
      throw new Error('Go back to the trained model (the end of the timeline) to save the timeline with it.');
    if (held.rotation)
      throw new Error('Reset the rotation of the latent to save the timeline with the model.');
    const kept = this.timeline?.model === held.model ? this.timeline.timeline : null;
    if (!kept || kept.snapshots().length === 0)
      throw new Error(
        'This model has no training timeline to save: only a model trained in this session has one.',
      );
    return packBundle({ ...stored, timeline: packTimeline(kept) });
  }

  /** Opens bundle bytes; a timeline saved in them comes back too (the current model stays if any is bad). */
  async importBundle(bytes: Uint8Array, source: HeldSource = 'loaded'): Promise<ModelState> {
    this.refuseWhileTraining('import a model');
    const stored = unpackBundle(bytes);
    const loaded = fromStored(stored, 'bundle');
    let saved: ReturnType<typeof unpackTimeline> | null;
    try {
      saved = stored.timeline === undefined ? null : unpackTimeline(stored.timeline, loaded.meta, 'bundle');
    } catch (err) {
      disposeModel(loaded.model);
      throw err;
    }
    return await this.adopt(loaded, source, undefined, saved);
  }

  /** The held model (never the one in training) as bundle bytes, or null when there is none. */
  async snapshot(): Promise<ModelSnapshot | null> {
    const held = this.held;
    if (!held || held.source === 'training') return null;
    const bytes = packBundle(await toStored(held.model, held.meta));
    return { bytes, source: held.source, name: held.meta.name };
  }

  /**
   * Turns the current model's latent to `angle` radians from how it was opened or trained
   * (rotate-latent.ts), then scores it again on its own data: the codes and the axis-based scores
   * (Spearman, MIG, SAP, DCI) change; NMSE and kNN R² are computed again too, and stay.
   */
  async rotate(angle: number): Promise<ModelState> {
    this.refuseWhileTraining('rotate the latent');
    if (this.viewing)
      throw new Error('Go back to the final epoch on the timeline before rotating the latent.');
    if (this.rotating) throw new Error('The latent is still turning to the previous angle; try again.');
    const held = this.require();
    if (held.model.zLogVar) throw new Error(VAE_NOT_ROTATABLE);
    const delta = angle - (held.rotation ?? 0);
    this.rotating = true;
    try {
      const dataset = await this.datasets.prepare(held.meta.config);
      if (this.held !== held) throw new Error('Another model was opened meanwhile; it was not rotated.');
      // Why a lease: a model opened meanwhile retires this one; it must outlive the evaluation.
      return await this.leases.during(held.model, async () => {
        rotateLatent(held.model, delta);
        let evaluation;
        try {
          evaluation = await evaluate(held.model, dataset, held.meta.config);
        } catch (err) {
          rotateLatent(held.model, -delta);
          throw err;
        }
        if (this.held !== held) throw new Error('Another model was opened meanwhile; its view was kept.');
        held.rotation = angle;
        held.points.codes = evaluation.valCodes;
        held.meta = {
          ...held.meta,
          metrics: evaluation.metrics,
          latentBounds: evaluation.metrics.latentBounds,
        };
        this.announce();
        return stateOf(held);
      });
    } finally {
      this.rotating = false;
    }
  }

  /** The current model's training timeline, or null when it has none. */
  timelineInfo(): TimelineInfo | null {
    const model = (this.run?.held ?? this.held)?.model;
    return this.timeline && this.timeline.model === model ? this.timeline.timeline.info() : null;
  }

  /**
   * Shows the current model as it was at the end of `epoch` of its run (its weights, codes and
   * metrics then): decodes and encodes use those weights until `epoch` is null again.
   */
  viewEpoch(epoch: number | null): ModelState {
    // During a run, its model: the views can go back to an epoch while it trains on (the run's
    // epochs then only move the timeline), and null follows the run again.
    const held = this.run?.held ?? this.held;
    if (!held) throw new Error('No model is loaded yet: train one or load one first.');
    if (epoch === null) {
      this.clearView();
      this.announce();
      return stateOf(held);
    }
    const snap = this.snapshotOf(held, epoch);
    const model = modelFromWeights(snap.weights);
    this.clearView();
    this.viewing = {
      model,
      meta: {
        ...held.meta,
        metrics: snap.metrics,
        latentBounds: snap.metrics.latentBounds,
        epochsTrained: snap.epoch,
      },
      source: held.source,
      points: { codes: snap.codes.slice(), factors: held.points.factors, count: held.points.count },
      viewingEpoch: snap.epoch,
    };
    this.announce();
    return stateOf(this.viewing);
  }

  /**
   * The codes of the validation images at the end of a kept `epoch` of the current model's run, in
   * the order of the map's points (the map draws them as trails to the epoch shown).
   */
  timelineCodes(epoch: number): { epoch: number; codes: Float32Array } {
    const held = this.run?.held ?? this.held;
    if (!held) throw new Error('No model is loaded yet: train one or load one first.');
    return { epoch, codes: this.snapshotOf(held, epoch).codes.slice() };
  }

  /** The kept snapshot of `epoch` of `held`'s run, or an error that says why there is none. */
  private snapshotOf(held: Held, epoch: number): Snapshot {
    const kept = this.timeline?.model === held.model ? this.timeline.timeline : null;
    if (!kept)
      throw new Error('This model has no training timeline: only a model trained in this session has one.');
    if (held.rotation) throw new Error('Reset the rotation of the latent to scrub the timeline.');
    const snap = kept.get(epoch);
    if (!snap)
      throw new Error(
        `Epoch ${epoch} was not kept (the timeline keeps every other older epoch past its memory cap).`,
      );
    return snap;
  }

  /** Back to the current model's own weights (the epoch view, if any, is dropped). */
  private clearView(): void {
    if (this.viewing) this.leases.retire(this.viewing.model);
    this.viewing = null;
  }

  /** Puts a model in a Compare slot; the current model does not change (compare-slots.ts). */
  async compareFill(slot: number, from: SlotFrom): Promise<CompareSlot> {
    if ('dir' in from) {
      const loaded = fromStored(await readModelDir(from.dir), from.dir);
      return this.compare.fill(
        slot,
        from.id ? { ...loaded, meta: { ...loaded.meta, id: from.id } } : loaded,
        from.source,
      );
    }
    if ('bytes' in from)
      return this.compare.fill(slot, fromStored(unpackBundle(from.bytes), 'bundle'), from.source);
    if ('ladder' in from) {
      const stored = this.ladderModels.get(from.ladder);
      if (!stored) throw new Error('That model of the β ladder is no longer kept: run the ladder again.');
      return this.compare.fill(slot, fromStored(stored, 'ladder'), 'trained');
    }
    this.refuseWhileTraining('compare the model in training');
    const held = this.require();
    return this.compare.fill(
      slot,
      { model: modelFromWeights(weightsOf(held.model)), meta: held.meta },
      held.source,
    );
  }

  compareClear(slot: number): void {
    this.compare.clear(slot);
  }

  compareProbe(req: CompareProbeRequest): CompareProbeSlot[] {
    this.run?.control.noteInteraction();
    this.ladder?.control.noteInteraction();
    return this.compare.probe(req);
  }

  /** Starts the β ladder (ladder.ts); resolves at once, its events report the rest. */
  startLadder(ladder: LadderConfig, runId: string): { runId: string } {
    this.refuseWhileTraining('start the β ladder');
    if (this.ladder) throw new Error('The β ladder is already training.');
    if (ladder.betas.length * ladder.seeds > LADDER_LIMITS.maxBetas * LADDER_LIMITS.maxSeeds)
      throw new Error('The β ladder is too long.');
    const control = new TrainControl(this.opts.interactions);
    const run = (this.ladder = { runId, control, config: null as TrainConfig | null });
    this.ladderModels.clear();
    void runLadder({
      runId,
      ladder,
      control,
      datasets: this.datasets,
      emit: (event, payload) => {
        if (event === 'ladder-finished' || event === 'ladder-failed') this.ladder = null;
        this.emit(event, payload as never);
      },
      keep: (id, stored) => this.ladderModels.set(id, stored),
      onConfig: (config) => {
        run.config = config;
        this.releaseDatasets();
      },
    });
    return { runId };
  }

  /** Cancels the ladder `runId` after its current step (harmless when it has ended). */
  stopLadder(runId: string): void {
    if (this.ladder?.runId === runId) this.ladder.control.stop();
  }

  /**
   * Makes a freshly loaded model current (disposing the old one); disposes it if that fails. Its
   * dataset is prepared a chunk at a time, so decodes of the old model go on meanwhile.
   */
  private async adopt(
    loaded: { model: Autoencoder; meta: AtlasMeta },
    source: HeldSource,
    id?: string,
    saved: { timeline: Timeline; pointCount: number } | null = null,
  ): Promise<ModelState> {
    let held: Held;
    try {
      const named = id ? { ...loaded.meta, id } : loaded.meta;
      const dataset = await this.datasets.prepare(named.config);
      if (saved && saved.pointCount !== dataset.val.count)
        throw new Error(
          `bundle: the saved training timeline holds ${saved.pointCount} points per epoch, but the model's validation images are ${dataset.val.count}`,
        );
      const codes = encodeImages(loaded.model, dataset.val.images, dataset.val.count);
      const meta = withScores(named, codes, dataset.val.factors);
      held = {
        model: loaded.model,
        meta,
        source,
        points: { codes, factors: dataset.val.factors, count: dataset.val.count },
      };
    } catch (err) {
      disposeModel(loaded.model);
      // The dataset made for a model that failed to load (e.g. its weights give NaN) is not kept.
      this.releaseDatasets();
      throw err;
    }
    this.replaceHeld(held);
    if (saved) this.timeline = { model: held.model, timeline: saved.timeline };
    return stateOf(held);
  }

  /** Runs the training loop and ends the run with one of the outcomes below. */
  private async execute(run: Run, held: Held, config: TrainConfig, dataset: Dataset): Promise<void> {
    const { runId } = run;
    let outcome: TrainOutcome;
    try {
      outcome = await runTraining({
        runId,
        config,
        dataset,
        model: held.model,
        control: run.control,
        injectNanAtStep: this.opts.injectNanAtStep,
        beforeStep: this.opts.beforeStep,
        onProgress: (p) => {
          this.emit('progress', p);
          this.publishWeights(held);
        },
        onEpoch: (e) => this.recordEpoch(held, e),
      });
    } catch (err) {
      // Why the epoch count decides: the loop restored the last good weights, which are a usable
      // model once an epoch has ended (they have metrics and codes); before that they are noise.
      let failure = err;
      if (err instanceof TrainingDivergedError && held.meta.epochsTrained > 0) {
        try {
          await this.keepLastGood(held, { config, dataset }, err, runId);
          return;
        } catch (evalErr) {
          failure = evalErr;
        } finally {
          this.run = null;
        }
      }
      this.run = null;
      this.fail(held, failure, runId);
      return;
    }
    if (outcome.final) this.finish(held, config, outcome, outcome.final, runId);
    else this.endBeforeFirstEpoch(run, outcome.trainSeconds);
  }

  /** An epoch ended: its metrics and codes describe the model in training. */
  private recordEpoch(held: Held, e: TrainEpoch): void {
    if (this.timeline?.model === held.model)
      this.timeline.timeline.add({
        epoch: e.epoch,
        weights: weightsOf(held.model),
        codes: e.codes.slice(),
        lossTrain: e.lossTrain,
        lossVal: e.lossVal,
        metrics: e.metrics,
      });
    held.points.codes = e.codes;
    held.meta = {
      ...held.meta,
      metrics: e.metrics,
      latentBounds: e.metrics.latentBounds,
      epochsTrained: e.epoch,
    };
    this.announce();
    this.emit('epoch', { ...e, codes: e.codes.slice() });
  }

  /** The run finished, or was stopped after an epoch ended: its model becomes the current one. */
  private finish(
    held: Held,
    config: TrainConfig,
    outcome: TrainOutcome,
    { metrics, valCodes }: NonNullable<TrainOutcome['final']>,
    runId: string,
  ): void {
    held.points.codes = valCodes;
    held.meta = {
      ...held.meta,
      name: trainedName(config),
      createdAt: new Date().toISOString(),
      metrics,
      latentBounds: metrics.latentBounds,
      epochsTrained: outcome.epochsTrained,
    };
    held.source = 'trained';
    this.run = null;
    this.replaceHeld(held);
    const model = stateOf(held);
    this.emit('finished', { runId, stopped: outcome.stopped, model, trainSeconds: outcome.trainSeconds });
  }

  /**
   * The run diverged after one or more epochs: the last good weights (the loop restored them) become
   * the current model. Why evaluate again: they are the weights before the last finite update, not
   * those of the last epoch's end, so that epoch's codes and metrics would not describe them.
   */
  private async keepLastGood(
    held: Held,
    { config, dataset }: { config: TrainConfig; dataset: Dataset },
    err: TrainingDivergedError,
    runId: string,
  ): Promise<void> {
    const { metrics, valCodes } = await evaluate(held.model, dataset, config);
    held.points.codes = valCodes;
    held.source = 'trained';
    held.meta = { ...held.meta, name: trainedName(config), metrics, latentBounds: metrics.latentBounds };
    this.replaceHeld(held);
    const message = `${err.reason}; the last good weights (${countOf(held.meta.epochsTrained, 'epoch')}) are now the current model. Try a lower learning rate.`;
    this.emit('failed', { runId, message });
  }

  /**
   * Stopped before its first epoch ended: its weights (noise) are dropped and the previous model
   * stays, rather than a 0-epoch model replacing it; 'finished' says so (or 'failed', with none).
   */
  private endBeforeFirstEpoch(run: Run, trainSeconds: number): void {
    this.run = null;
    this.clearView();
    if (run.held) this.leases.retire(run.held.model);
    this.releaseDatasets();
    this.announce();
    const { runId } = run;
    if (this.held)
      this.emit('finished', {
        runId,
        stopped: true,
        keptPrevious: true,
        model: stateOf(this.held),
        trainSeconds,
      });
    else this.emit('failed', { runId, message: STOPPED_WITHOUT_MODEL });
  }

  /** The run diverged before its first epoch ended, or failed otherwise: the previous model stays. */
  private fail(held: Held, err: unknown, runId: string): void {
    // An epoch of the failed run may be on view: the previous model comes back instead.
    this.clearView();
    this.leases.retire(held.model);
    this.releaseDatasets();
    this.announce();
    const message =
      err instanceof TrainingDivergedError
        ? `${err.reason}, before the first epoch ended; the previous model was kept. Try a lower learning rate.`
        : `Training failed: ${errorMessage(err)}`;
    this.emit('failed', { runId, message });
  }

  private replaceHeld(held: Held): void {
    this.clearView();
    // Another model's timeline (up to its cap in memory) goes with it.
    if (this.timeline && this.timeline.model !== held.model) this.timeline = null;
    const old = this.held;
    this.held = held;
    if (old && old.model !== held.model) this.leases.retire(old.model);
    this.releaseDatasets();
    this.announce();
  }

  /** Keeps only the datasets of the held model and of the run (see DatasetCache.keepOnly). */
  private releaseDatasets(): void {
    const configs = [this.held?.meta.config, this.run?.config, this.ladder?.config ?? undefined];
    this.datasets.keepOnly(configs.filter((c): c is TrainConfig => c !== undefined));
  }

  /** The control of run `runId`: the run in progress, or one whose 'train' call is yet to come. */
  private controlOf(runId: string): TrainControl {
    if (this.run?.runId === runId) return this.run.control;
    if (this.early?.runId !== runId)
      this.early = { runId, control: new TrainControl(this.opts.interactions) };
    return this.early.control;
  }

  /** Tells the client what the current model now is (before the reply or event that follows). */
  private announce(): void {
    const held = this.viewing ?? this.run?.held ?? this.held;
    this.emit('model', held ? summaryOf(held) : null);
    this.publishWeights(held);
  }

  /** With `publishWeights`, sends the weights of `held` (the current model) for the mirror. */
  private publishWeights(held: Held | null): void {
    if (this.opts.publishWeights) this.emit('weights', held ? weightsOf(held.model) : null);
  }

  private require(): Held {
    const held = this.viewing ?? this.run?.held ?? this.held;
    if (!held) throw new Error('No model is loaded yet: train one or load one first.');
    return held;
  }

  private refuseWhileTraining(what: string): void {
    if (this.run) throw new Error(`Cannot ${what} while training runs; stop the run first.`);
  }
}
