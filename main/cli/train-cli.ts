/**
 * Headless trainer: `npm run train -- --epochs 30 --size 32 --kind ae --align 0 --seed 1 --out <dir>`.
 * Trains in the engine's worker thread, shows a progress bar with ETA on a terminal (plain lines
 * otherwise), and writes the model directory (model.json, weights.bin, atlas-meta.json) plus
 * `metrics.json` into `--out`. Ctrl-C stops the run after the current step and saves what was
 * trained; a second Ctrl-C quits at once.
 *
 * metrics.json (format "latent-atlas-metrics", version 1), all computed on the validation split:
 *   valMse            mean squared pixel error of the reconstructions
 *   valNmse           valMse / pixel variance of the validation images (1 = no better than the mean image)
 *   knnR2             { height, radius }: held-out R² of predicting each factor from z by kNN (k = 10)
 *   spearman          { z1: { height, radius }, z2: { height, radius } }: rank correlation of each axis with each factor
 *   latentBounds      { min: [z1, z2], max: [z1, z2] } of the validation codes
 *   disentanglement   { mig, sap, dci: { disentanglement, completeness, informativeness }, note }
 *                     (shared/disentangle: MIG as disentanglement_lib, SAP, DCI with lasso importances)
 *   lossRecon, lossKl, lossAlign, klPerDim   the last epoch's training-loss terms (shared/api.ts
 *                     LossBreakdown): lossRecon + β·lossKl + λ·lossAlign = that epoch's loss; klPerDim
 *                     the KL of each latent dimension in nats (zeros for an autoencoder)
 *   epochs            epochs actually trained
 *   trainSeconds      wall-clock seconds of training and per-epoch evaluation
 *   samplesPerSecond  training throughput (steps only)
 *   stopped           true when stopped early (Ctrl-C)
 *   backend           tfjs backend used ("wasm", or "cpu" after a fallback)
 *   config            the TrainConfig (shared/api.ts)
 *   id, name, createdAt   as in atlas-meta.json
 *
 * With `--codes`, also codes.csv: a header `z1,z2,height,radius`, then one validation image a line
 * (its code and true factors), so anyone can recompute the scores.
 */
import { Command, InvalidArgumentError } from 'commander';
import { SingleBar } from 'cli-progress';
import { mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LossBreakdown, Metrics, ModelCodes, TrainFinished, TrainProgress } from '../../shared/api';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../shared/train-config';
import { validateTrainConfig } from '../../shared/validate';
import type { Engine } from '../engine/engine';
import { createEngine } from '../engine/engine';
import { notAModelFolder } from '../engine/model-store';
import { describeFileError, writeFileAtomic } from '../node/files';
import { errorMessage } from '../../shared/errors';

/** Tag and version of metrics.json. */
export const METRICS_FORMAT = 'latent-atlas-metrics';
export const METRICS_VERSION = 1;

interface CliOptions {
  epochs: number;
  size: number;
  kind: string;
  align: number;
  seed: number;
  out: string;
  dataset: number;
  valFraction: number;
  batch: number;
  lr: number;
  beta: number;
  name?: string;
  id?: string;
  codes?: boolean;
}

function num(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('not a number.');
  return n;
}

function program(): Command {
  const d = DEFAULT_TRAIN_CONFIG;
  return new Command('train')
    .description('Train a Latent Atlas autoencoder without the UI and save it with its metrics.')
    .requiredOption('--out <dir>', 'output directory (model files + metrics.json)')
    .option('--epochs <n>', 'epochs', num, d.epochs)
    .option('--size <px>', 'image size: 32 or 64', num, d.imageSize)
    .option('--kind <kind>', 'ae or vae', d.kind)
    .option('--align <lambda>', 'alignment weight λ ≥ 0 (0 = unsupervised)', num, d.align)
    .option('--seed <n>', 'seed of the dataset and the weights', num, d.seed)
    .option('--dataset <n>', 'images generated (train + validation)', num, d.datasetSize)
    .option('--val-fraction <f>', 'fraction held out for validation', num, d.valFraction)
    .option('--batch <n>', 'batch size', num, d.batchSize)
    .option('--lr <rate>', 'learning rate (Adam)', num, d.learningRate)
    .option('--beta <b>', 'KL weight β (vae only)', num, d.beta)
    .option('--name <text>', 'display name stored with the model')
    .option('--id <id>', 'model id stored with the model')
    .option('--codes', 'also write codes.csv (z1,z2,height,radius per validation image)')
    .showHelpAfterError()
    .allowExcessArguments(false);
}

function configOf(o: CliOptions): TrainConfig {
  return validateTrainConfig({
    imageSize: o.size,
    datasetSize: o.dataset,
    valFraction: o.valFraction,
    seed: o.seed,
    kind: o.kind,
    epochs: o.epochs,
    batchSize: o.batch,
    learningRate: o.lr,
    beta: o.beta,
    align: o.align,
  });
}

/** Progress on a terminal (a bar) or in a log (one line per epoch). */
function reporter(epochs: number): {
  progress(p: TrainProgress): void;
  epoch(line: string): void;
  done(): void;
} {
  if (!process.stdout.isTTY) {
    return { progress: () => undefined, epoch: (line) => console.log(line), done: () => undefined };
  }
  const bar = new SingleBar({
    format:
      'epoch {epoch}/{epochs} |{bar}| {percentage}% | loss {loss} | val {lossVal} | {sps} samples/s | ETA {etaText}',
    hideCursor: true,
  });
  let started = false;
  return {
    progress(p) {
      const payload = {
        epoch: p.epoch,
        epochs,
        loss: p.lossTrain.toFixed(5),
        lossVal: p.lossVal === null ? '—' : p.lossVal.toFixed(5),
        sps: Math.round(p.samplesPerSecond),
        etaText: `${Math.round(p.etaSeconds)} s${p.paused ? ' (paused)' : ''}`,
      };
      const value = (p.epoch - 1) * p.stepsPerEpoch + p.step;
      if (!started) bar.start(epochs * p.stepsPerEpoch, value, payload);
      else bar.update(value, payload);
      started = true;
    },
    epoch: () => undefined,
    done: () => bar.stop(),
  };
}

function epochLine(
  epoch: number,
  epochs: number,
  lossTrain: number,
  lossVal: number,
  m: Metrics,
  sps: number,
): string {
  return (
    `epoch ${epoch}/${epochs}  loss ${lossTrain.toFixed(5)}  val ${lossVal.toFixed(5)}  NMSE ${m.valNmse.toFixed(4)}  ` +
    `R² height ${m.knnR2.height.toFixed(3)} radius ${m.knnR2.radius.toFixed(3)}  ${Math.round(sps)} samples/s`
  );
}

async function main(argv: string[]): Promise<number> {
  const cmd = program();
  cmd.parse(argv);
  const opts = cmd.opts<CliOptions>();
  let config: TrainConfig;
  try {
    config = configOf(opts);
  } catch (err) {
    console.error(`error: ${errorMessage(err)}\n`);
    cmd.outputHelp({ error: true });
    return 2;
  }
  const out = resolve(opts.out);
  // Why before training: an unusable --out should fail now, not after minutes of training.
  await mkdir(out, { recursive: true }).catch((err: unknown) => {
    throw new Error(`cannot create the output folder ${out}: ${describeFileError(err)}`);
  });
  const refusal = notAModelFolder(await readdir(out));
  if (refusal) throw new Error(`cannot save into ${out}: ${refusal}`);
  const engine = await createEngine();
  try {
    console.log(`training ${config.kind} on ${engine.backend}: ${JSON.stringify(config)}`);
    const { finished, samplesPerSecond, terms } = await train(engine, config);
    await save(engine, out, opts, finished, samplesPerSecond, terms);
    return 0;
  } finally {
    await engine.dispose();
  }
}

/** Runs one training with progress output; Ctrl-C stops it (and saves), a second one quits. */
async function train(
  engine: Engine,
  config: TrainConfig,
): Promise<{ finished: TrainFinished; samplesPerSecond: number; terms: LossBreakdown | null }> {
  const report = reporter(config.epochs);
  let lastSps = 0;
  let terms: LossBreakdown | null = null;
  engine.on('progress', (p) => {
    lastSps = p.samplesPerSecond;
    report.progress(p);
  });
  engine.on('epoch', (e) => {
    terms = e.terms ?? null;
    report.epoch(epochLine(e.epoch, e.epochs, e.lossTrain, e.lossVal, e.metrics, lastSps));
  });
  const result = new Promise<TrainFinished | Error>((done) => {
    engine.on('finished', done);
    engine.on('failed', (f) => done(new Error(f.message)));
  });
  let interrupts = 0;
  process.on('SIGINT', () => {
    if (++interrupts > 1) process.exit(130);
    void engine.stop();
  });
  await engine.train(config);
  const finished = await result;
  report.done();
  if (finished instanceof Error) throw finished;
  return { finished, samplesPerSecond: lastSps, terms };
}

/** `z1,z2,height,radius`, then one row per code (values as JavaScript prints them: round-trip exact). */
export function codesCsv({ codes, factors, count }: ModelCodes): string {
  const rows = ['z1,z2,height,radius'];
  for (let i = 0; i < count; i++) {
    rows.push(`${codes[2 * i]},${codes[2 * i + 1]},${factors[2 * i]},${factors[2 * i + 1]}`);
  }
  return `${rows.join('\n')}\n`;
}

/** Writes the model directory and metrics.json (and, with --codes, codes.csv) into `out`. */
async function save(
  engine: Engine,
  out: string,
  opts: CliOptions,
  finished: TrainFinished,
  samplesPerSecond: number,
  /** The last epoch's loss terms (null when none ended). */
  terms: LossBreakdown | null,
): Promise<void> {
  await engine.saveModelDir(out, { id: opts.id, name: opts.name });
  const { info } = finished.model;
  const metrics = info.metrics!;
  const file = {
    format: METRICS_FORMAT,
    version: METRICS_VERSION,
    ...metrics,
    ...(terms ?? {}),
    epochs: info.epochsTrained,
    trainSeconds: finished.trainSeconds,
    samplesPerSecond,
    stopped: finished.stopped,
    backend: engine.backend,
    config: info.config,
    id: opts.id ?? info.id,
    name: opts.name ?? info.name,
    createdAt: info.createdAt,
  };
  await writeFileAtomic(join(out, 'metrics.json'), `${JSON.stringify(file, null, 2)}\n`);
  if (opts.codes) await writeFileAtomic(join(out, 'codes.csv'), codesCsv(await engine.codes('val')));
  console.log(
    `saved to ${out}: NMSE ${metrics.valNmse.toFixed(4)}, R² height ${metrics.knnR2.height.toFixed(3)} ` +
      `radius ${metrics.knnR2.radius.toFixed(3)}, ${finished.trainSeconds.toFixed(1)} s`,
  );
}

main(process.argv).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`error: ${errorMessage(err)}`);
    process.exit(1);
  },
);
