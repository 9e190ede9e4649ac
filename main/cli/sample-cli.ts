/**
 * Headless sampler: `npm run sample -- --model aligned --family gmm --n 256 --seed 1 --temperature 1
 * [--k 3] [--bandwidth 1] --out <dir>`. Loads a model (a model folder, or a bundled model's id),
 * fits the p_model family to its training codes, samples n latent points, decodes them in one batch
 * and judges each decoded image against the true cylinders. Writes into `--out`:
 *
 *   sample-0000.png …  each sample decoded, 64 × 64 px (tEXt: model, family, theta, seed, temperature,
 *                      latent-z, judged)
 *   samples.csv        file,z1,z2,height,radius,residual,label: the sample's z, its judged (ĥ, r̂),
 *                      its residual NMSE to that true cylinder, and C (plausible) or A (looks wrong)
 *   summary.json       (format "latent-atlas-samples", version 1)
 *     precision        share of samples plausible: residual ≤ threshold
 *     recall           share of the 16 × 16 (height, radius) cells a plausible sample reached
 *                      (recallBaseline: what as many uniform true cylinders would cover)
 *     novelty          mean distance of plausible samples' (ĥ, r̂) to the nearest training factors
 *                      (noveltyBaseline: the same for as many uniform draws; null when none is plausible)
 *     threshold        the model's 95th percentile of validation reconstruction NMSE
 *     logLik           per family (box, gaussian, gmm, kde; prior for a VAE), fitted to the training
 *                      codes: mean log-likelihood per code in nats on { train, val }, and for the box
 *                      valOutside, the validation codes outside it; null stands for −∞ (likelihood 0)
 *     family, theta, notes, n, seed, temperature, model
 *
 * Bad arguments print usage and exit 2; a fit that cannot be done (e.g. --family prior on a plain
 * autoencoder) exits 2 with the reason.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  DENSITY_LIMITS,
  DensityError,
  describeParams,
  FAMILIES,
  type FamilyId,
  type FamilySettings,
  fitDensity,
} from '../../shared/density';
import { createJudgeBank, labelSamples, noveltyBaselineRng, scoreSamples } from '../../shared/judge';
import { errorMessage } from '../../shared/errors';
import { isModelId } from '../../shared/validate';
import { countOf } from '../../shared/wording';
import { createEngine, type Engine } from '../engine/engine';
import { describeFileError } from '../node/files';
import { bundledModelsDir } from '../node/paths';
import { writeSamples, writeSummary } from './sample-files';
import { likelihoodTable, loadSplits, reconstructionThreshold, sampleAndJudge } from './sample-run';

interface CliOptions {
  model: string;
  family: FamilyId;
  n: number;
  seed: number;
  temperature: number;
  k: number;
  bandwidth: number;
  out: string;
}

/** A bad argument: printed with the usage. */
class UsageError extends Error {}

function num(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('not a number.');
  return n;
}

function program(): Command {
  return new Command('sample')
    .description(
      'Fit a p_model to a model’s latent codes, sample it, and judge the samples against true cylinders.',
    )
    .requiredOption('--model <model>', 'model folder (with model.json) or bundled model id, e.g. aligned')
    .requiredOption('--out <dir>', 'output folder (PNGs, samples.csv, summary.json)')
    .addOption(new Option('--family <family>', 'density family').choices(FAMILIES).default('gmm'))
    .option('--n <count>', `samples, ${DENSITY_LIMITS.sampleCount.join('–')}`, num, 256)
    .option('--seed <n>', 'seed of the samples (and of EM’s initialisation)', num, 1)
    .option('--temperature <t>', `spread about the centre, ${DENSITY_LIMITS.temperature.join('–')}`, num, 1)
    .option('--k <components>', `Gaussian-mixture components, ${DENSITY_LIMITS.k.join('–')}`, num, 3)
    .option(
      '--bandwidth <factor>',
      `KDE bandwidth × Scott's rule, ${DENSITY_LIMITS.bandwidthFactor.join('–')}`,
      num,
      1,
    )
    .showHelpAfterError()
    .allowExcessArguments(false);
}

/** Checks the numeric options against the density limits; throws UsageError. */
function checkRanges(o: CliOptions): void {
  const within = (name: string, v: number, [min, max]: readonly [number, number], whole = false) => {
    if (v < min || v > max || (whole && !Number.isInteger(v)))
      throw new UsageError(
        `--${name} must be ${whole ? 'a whole number ' : ''}from ${min} to ${max} (got ${v})`,
      );
  };
  within('n', o.n, DENSITY_LIMITS.sampleCount, true);
  within('temperature', o.temperature, DENSITY_LIMITS.temperature);
  within('k', o.k, DENSITY_LIMITS.k, true);
  within('bandwidth', o.bandwidth, DENSITY_LIMITS.bandwidthFactor);
  if (!Number.isSafeInteger(o.seed)) throw new UsageError(`--seed must be a whole number (got ${o.seed})`);
}

/** A model folder, or a bundled model's folder by its id. */
function resolveModel(arg: string): { dir: string; source: 'bundled' | 'loaded'; id?: string } {
  const asPath = resolve(arg);
  if (existsSync(join(asPath, 'model.json'))) return { dir: asPath, source: 'loaded' };
  const bundled = bundledModelsDir();
  if (bundled && isModelId(arg) && existsSync(join(bundled, arg, 'model.json')))
    return { dir: join(bundled, arg), source: 'bundled', id: arg };
  throw new UsageError(
    `--model ${arg} is neither a model folder (with model.json) nor a bundled model id (assets/models)`,
  );
}

async function main(argv: string[]): Promise<number> {
  const cmd = program();
  cmd.parse(argv);
  const opts = cmd.opts<CliOptions>();
  let model: ReturnType<typeof resolveModel>;
  try {
    checkRanges(opts);
    model = resolveModel(opts.model);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`error: ${err.message}\n`);
    cmd.outputHelp({ error: true });
    return 2;
  }
  const out = resolve(opts.out);
  await mkdir(out, { recursive: true }).catch((err: unknown) => {
    throw new Error(`cannot create the output folder ${out}: ${describeFileError(err)}`);
  });
  const engine = await createEngine();
  try {
    await sample(engine, model, opts, out);
    return 0;
  } catch (err) {
    if (!(err instanceof DensityError)) throw err;
    console.error(`error: ${err.message}`);
    return 2;
  } finally {
    await engine.dispose();
  }
}

/** Loads the model, fits, samples, judges and writes everything into `out`. */
async function sample(
  engine: Engine,
  model: ReturnType<typeof resolveModel>,
  opts: CliOptions,
  out: string,
): Promise<void> {
  const state = await engine.loadModelDir(model.dir, model.source, model.id);
  const { imageSize } = state;
  const isVae = state.info.config.kind === 'vae';
  const settings: FamilySettings = { k: opts.k, bandwidthFactor: opts.bandwidth, seed: opts.seed };
  const { train, val } = await loadSplits(engine);
  const density = fitDensity(opts.family, train.codes, settings, { isVae });
  const bank = createJudgeBank(imageSize);
  const threshold = await reconstructionThreshold(engine, bank, val, imageSize);
  const { seed, temperature, n } = opts;
  const drawn = await sampleAndJudge(engine, density, bank, { n, seed, temperature });
  const labels = labelSamples(drawn.judgements, threshold);
  const scores = scoreSamples({
    ...drawn,
    labels,
    trainFactors: train.factors,
    rng: noveltyBaselineRng(seed),
  });
  const origin = {
    model: `${state.info.name} (${state.info.id})`,
    family: opts.family,
    theta: describeParams(density.params),
    seed,
    temperature,
  };
  await writeSamples(out, { ...drawn, imageSize, labels }, origin);
  const logLik = likelihoodTable(train, val, settings, isVae);
  await writeSummary(out, origin, scores, { threshold, logLik, notes: density.notes });
  console.log(
    `${countOf(n, 'sample')} of ${opts.family} from ${origin.model} written to ${out}: precision ${scores.precision.toFixed(3)}, ` +
      `recall ${scores.recall.toFixed(3)} (uniform ${scores.recallBaseline.toFixed(3)}), threshold NMSE ${threshold.toPrecision(3)}`,
  );
}

main(process.argv).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`error: ${errorMessage(err)}`);
    process.exit(1);
  },
);
