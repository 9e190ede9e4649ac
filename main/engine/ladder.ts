/**
 * The β ladder (issue 12): seeded VAEs trained one after another in the worker, one per β and
 * seed, each scored on its validation split (rate: mean KL from the prior; distortion: NMSE) and
 * kept, so the user can open any of them in a Compare slot. Cancelling ends it after the current
 * step; the models trained so far stay.
 */
import { ladderName } from '../../shared/model-names';
import type { LadderConfig, LadderFinished, LadderPoint, LadderProgress } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { rateOf } from '../../shared/rate';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../shared/train-config';
import { validateTrainConfig } from '../../shared/validate';
import type { DatasetCache } from './dataset-cache';
import { encodeWithLogVar } from './evaluate';
import { newMeta } from './held-model';
import { buildAutoencoder, disposeModel, specOf } from './model';
import { type StoredModel, toStored } from './model-store';
import { runTraining, type TrainControl, TrainingDivergedError } from './train-loop';

/** What the ladder reports as it goes. */
export interface LadderEvents {
  /** The Compare slots were emptied (the worker holding them died). */
  'compare-reset': { reason: string };
  'ladder-progress': LadderProgress;
  'ladder-point': LadderPoint;
  'ladder-finished': LadderFinished;
  'ladder-failed': { runId: string; message: string };
}

export interface LadderRunOptions {
  runId: string;
  ladder: LadderConfig;
  control: TrainControl;
  datasets: DatasetCache;
  emit: <E extends keyof LadderEvents>(event: E, payload: LadderEvents[E]) => void;
  /** Keeps a trained model under its id (the ladder's models replace the last ladder's). */
  keep: (id: string, stored: StoredModel) => void;
  /** Called when the rung's config changes, so the dataset cache keeps only what is in use. */
  onConfig: (config: TrainConfig | null) => void;
}

/**
 * The config of one rung: the default run (32 px, 4,000 images) as a VAE with this β and seed.
 * The seed sets the dataset and the initial weights, as any run's does.
 */
export function rungConfig(beta: number, seed: number, epochs: number): TrainConfig {
  return validateTrainConfig({ ...DEFAULT_TRAIN_CONFIG, kind: 'vae', beta, seed, epochs });
}

/** The rungs in the order they train: seed by seed, each climbing every β (a seed's dataset is made once). */
export function rungsOf(ladder: LadderConfig): { beta: number; seed: number }[] {
  const rungs: { beta: number; seed: number }[] = [];
  for (let seed = 1; seed <= ladder.seeds; seed++)
    for (const beta of ladder.betas) rungs.push({ beta, seed });
  return rungs;
}

/** Trains every rung; resolves when the ladder ends ('ladder-finished' or 'ladder-failed' said how). */
export async function runLadder(opts: LadderRunOptions): Promise<void> {
  const { runId, ladder, control, datasets, emit } = opts;
  const rungs = rungsOf(ladder);
  const t0 = performance.now();
  let count = 0;
  try {
    for (const [index, { beta, seed }] of rungs.entries()) {
      if (control.stopRequested) break;
      const config = rungConfig(beta, seed, ladder.epochs);
      opts.onConfig(config);
      const dataset = await datasets.prepare(config, { cancelled: () => control.stopRequested });
      if (!dataset) break;
      const started = performance.now();
      const model = buildAutoencoder(specOf(config), config.seed);
      try {
        const outcome = await runTraining({
          runId,
          config,
          dataset,
          model,
          control,
          evaluateEpochs: false,
          onProgress: (p) =>
            emit('ladder-progress', {
              runId,
              index,
              total: rungs.length,
              beta,
              seed,
              epoch: p.epoch,
              epochs: p.epochs,
            }),
        });
        // A rung cut short is not comparable with the others: only whole rungs count.
        if (outcome.stopped || !outcome.final) break;
        const { val } = dataset;
        const { codes, logVar } = encodeWithLogVar(model, val.images, val.count);
        const id = `${runId}-b${beta}-s${seed}`;
        const meta = {
          ...newMeta(id, ladderName(beta, seed), config),
          metrics: outcome.final.metrics,
          latentBounds: outcome.final.metrics.latentBounds,
          epochsTrained: outcome.epochsTrained,
        };
        opts.keep(id, await toStored(model, meta));
        count++;
        emit('ladder-point', {
          runId,
          id,
          index,
          beta,
          seed,
          rate: logVar ? rateOf(codes, logVar) : 0,
          nmse: outcome.final.metrics.valNmse,
          metrics: outcome.final.metrics,
          seconds: (performance.now() - started) / 1000,
        });
      } finally {
        disposeModel(model);
      }
    }
  } catch (err) {
    const message =
      err instanceof TrainingDivergedError
        ? `The β ladder stopped: ${err.reason}. The ${count} models before it are kept.`
        : `The β ladder failed: ${errorMessage(err)}`;
    emit('ladder-failed', { runId, message });
    return;
  } finally {
    opts.onConfig(null);
  }
  emit('ladder-finished', {
    runId,
    stopped: count < rungs.length,
    count,
    seconds: (performance.now() - t0) / 1000,
  });
}
