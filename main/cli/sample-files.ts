/**
 * What the headless sampler writes: one 64-px PNG per sample (`sample-0000.png`…, tEXt: model,
 * family, θ, seed, temperature, z and the judgement), `samples.csv` and `summary.json`. Every
 * write is atomic.
 */
import { join } from 'node:path';
import type { ImageSize } from '../../shared/train-config';
import type { GenerationScores, Judgement, SampleLabel } from '../../shared/judge';
import { writeFileAtomic } from '../node/files';
import { encodePng, resizeBicubic, type PngText } from '../service/png';
import type { FamilyLogLik } from './sample-run';

/** Side of each sample's PNG; smaller decodes are upsampled (bicubic). */
export const SAMPLE_PNG_PX = 64;
export const CSV_HEADER = 'file,z1,z2,height,radius,residual,label';

/** Where the samples came from, written into every PNG and the summary. */
export interface SampleOrigin {
  model: string;
  family: string;
  theta: string;
  seed: number;
  temperature: number;
}

/** Judged samples to write. */
export interface SampleRecords {
  z: Float32Array;
  images: Float32Array;
  imageSize: ImageSize;
  judgements: readonly Judgement[];
  labels: readonly SampleLabel[];
}

/** File name of sample i: sample-0000.png, sample-0001.png, … */
export function sampleFileName(i: number): string {
  return `sample-${String(i).padStart(4, '0')}.png`;
}

/** Writes every sample's PNG and `samples.csv` into `out`. */
export async function writeSamples(out: string, s: SampleRecords, origin: SampleOrigin): Promise<void> {
  const pixels = s.imageSize * s.imageSize;
  const rows = [CSV_HEADER];
  for (let i = 0; i < s.judgements.length; i++) {
    const j = s.judgements[i]!;
    const label = s.labels[i]!;
    const z1 = s.z[2 * i]!;
    const z2 = s.z[2 * i + 1]!;
    const image = s.images.subarray(i * pixels, (i + 1) * pixels);
    const sized = s.imageSize === SAMPLE_PNG_PX ? image : resizeBicubic(image, s.imageSize, SAMPLE_PNG_PX);
    const text: PngText = {
      Software: 'Latent Atlas (npm run sample)',
      Title: 'A sample of p_model decoded to a cylinder',
      model: origin.model,
      family: origin.family,
      theta: origin.theta,
      seed: String(origin.seed),
      temperature: String(origin.temperature),
      'latent-z': `${z1},${z2}`,
      judged: `height=${j.height},radius=${j.radius},residual=${j.residual},label=${label}`,
    };
    const png = encodePng({ width: SAMPLE_PNG_PX, height: SAMPLE_PNG_PX, pixels: sized }, text);
    await writeFileAtomic(join(out, sampleFileName(i)), png);
    rows.push(
      [
        sampleFileName(i),
        z1,
        z2,
        j.height.toFixed(4),
        j.radius.toFixed(4),
        j.residual.toPrecision(4),
        label,
      ].join(','),
    );
  }
  await writeFileAtomic(join(out, 'samples.csv'), `${rows.join('\n')}\n`);
}

/** Writes `summary.json`; JSON has no −∞ or NaN, so JSON.stringify writes those as null (see sample-cli.ts). */
export async function writeSummary(
  out: string,
  origin: SampleOrigin,
  scores: GenerationScores,
  extra: { threshold: number; logLik: Partial<Record<string, FamilyLogLik>>; notes: readonly string[] },
): Promise<void> {
  const summary = {
    format: 'latent-atlas-samples',
    version: 1,
    precision: scores.precision,
    recall: scores.recall,
    recallBaseline: scores.recallBaseline,
    novelty: scores.novelty,
    noveltyBaseline: scores.noveltyBaseline,
    threshold: extra.threshold,
    logLik: extra.logLik,
    family: origin.family,
    theta: origin.theta,
    notes: extra.notes,
    n: scores.n,
    seed: origin.seed,
    temperature: origin.temperature,
    model: origin.model,
  };
  await writeFileAtomic(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
}
