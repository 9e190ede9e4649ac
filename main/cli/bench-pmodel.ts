/**
 * The p_model figures of `npm run bench` (see bench.ts), on the bundled 'aligned' model's 3,200
 * training codes:
 *
 *   pmodel_fit_raster_128_ms     per family: fit + a 128 × 128 log-density raster (median of 5),
 *                                in-process (the app does it in a Web Worker, off the UI thread)
 *   box_loglik_3200_ms           a dragged box's log L(θ | X_train): new box + mean log-likelihood
 *                                of 3,200 codes (median of 200), in-process
 *   sample_decode_judge_256_ms   gmm: sample 256, decode them in one batch through the real
 *                                worker, judge each against the true cylinders (median of 10)
 */
import { join } from 'node:path';
import { boundsOfCodes } from '../../shared/latent-bounds';
import {
  boxDensity,
  DEFAULT_FAMILY_SETTINGS,
  densityRaster,
  FITTED_FAMILIES,
  fitDensity,
  meanLogLikelihood,
  type Point2,
} from '../../shared/density';
import { createJudgeBank } from '../../shared/judge';
import type { EngineWithDiagnostics } from '../engine/engine';
import { bundledModelsDir } from '../node/paths';
import { sampleAndJudge } from './sample-run';

/** Writes one figure line (bench.ts's `line`). */
export type FigureLine = (
  figure: string,
  value: number | null,
  unit: string,
  extra?: Record<string, unknown>,
) => void;

const BENCH_MODEL = 'aligned';
const RASTER_SIDE = 128;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function timeIt(runs: number, f: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Loads the bundled model into `engine` and measures the p_model figures on its codes. */
export async function benchPmodel(engine: EngineWithDiagnostics, line: FigureLine): Promise<void> {
  const dir = bundledModelsDir();
  if (!dir) throw new Error('no bundled models (assets/models) to measure p_model on');
  const state = await engine.loadModelDir(join(dir, BENCH_MODEL), 'bundled', BENCH_MODEL);
  const train = await engine.codes('train');
  const codes = train.codes;
  const bounds = boundsOfCodes(codes);
  const opts = { isVae: state.info.config.kind === 'vae' };

  for (const family of FITTED_FAMILIES) {
    const ms = await timeIt(5, () =>
      densityRaster(
        fitDensity(family, codes, DEFAULT_FAMILY_SETTINGS, opts),
        bounds,
        RASTER_SIDE,
        RASTER_SIDE,
      ),
    );
    line('pmodel_fit_raster_128_ms', ms, 'ms', {
      family,
      codes: train.count,
      target: 250,
      runs: 5,
      inProcess: true,
    });
  }

  // A corner dragged a little further each time, as while dragging.
  let step = 0;
  const boxMs = await timeIt(200, () => {
    const t = (step++ % 50) / 100;
    const min: Point2 = [bounds.min[0] + t, bounds.min[1]];
    return meanLogLikelihood(boxDensity(min, bounds.max), codes);
  });
  line('box_loglik_3200_ms', boxMs, 'ms', { codes: train.count, target: 5, runs: 200, inProcess: true });

  const gmm = fitDensity('gmm', codes, DEFAULT_FAMILY_SETTINGS, opts);
  const bank = createJudgeBank(state.imageSize); // built once per model in the app
  let seed = 1;
  const sampleMs = await timeIt(10, () =>
    sampleAndJudge(engine, gmm, bank, { n: 256, seed: seed++, temperature: 1 }),
  );
  line('sample_decode_judge_256_ms', sampleMs, 'ms', { family: 'gmm', target: 500, runs: 10 });
}
