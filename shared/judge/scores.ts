/**
 * How good a generative model's samples are, against the truth: precision (plausible share),
 * recall (share of the (height, radius) square its plausible samples reach) and novelty (how far
 * they are from the training cylinders), each beside what uniform true cylinders would give.
 */
import { createRng, type Rng } from '../random';
import type { Judgement } from './bank';
import { COVERAGE_CELLS, coverageGrid, type SampleLabel } from './labels';

/** Cells of the coverage map (16 × 16). */
const CELL_COUNT = COVERAGE_CELLS * COVERAGE_CELLS;

/** What scoreSamples reads. */
export interface ScoreInput {
  judgements: readonly Judgement[];
  /** One label per judgement (labelSamples). */
  labels: readonly SampleLabel[];
  /** The training split's true factors, interleaved (height, radius), at least one pair. */
  trainFactors: Float32Array;
  /** Source of the novelty baseline's uniform draws. */
  rng: Rng;
}

/** The generation figures; shares in [0, 1], distances in (height, radius) units. */
export interface GenerationScores {
  /** Share of samples labelled plausible ('C'). */
  precision: number;
  /** Share of the 256 coverage cells reached by a plausible sample. */
  recall: number;
  /** Expected share n uniform true cylinders would cover: 1 − (1 − 1/256)^n, exact. */
  recallBaseline: number;
  /** Mean distance from each plausible sample's (ĥ, r̂) to the nearest training factors; NaN when none is plausible. */
  novelty: number;
  /** The same for as many fresh uniform (height, radius) draws (from `rng`); NaN when none is plausible. */
  noveltyBaseline: number;
  /** Samples scored. */
  n: number;
}

/**
 * Scores judged, labelled samples. Why the baselines: a p_model that samples p_data perfectly
 * would look like uniform true cylinders, so recall and novelty only mean something beside them.
 * The recall baseline is the exact expectation, not a simulation, so it costs nothing and has no
 * noise; the novelty baseline is a Monte Carlo draw of as many points as there are plausible samples.
 *
 * @example
 * scoreSamples({ judgements, labels, trainFactors: split.factors, rng: createRng(seed) });
 * // { precision: 0.9, recall: 0.55, recallBaseline: 0.22, novelty: 0.012, noveltyBaseline: 0.011, n: 64 }
 */
export function scoreSamples({ judgements, labels, trainFactors, rng }: ScoreInput): GenerationScores {
  const n = judgements.length;
  if (n === 0) throw new Error('scoreSamples needs at least one sample');
  if (trainFactors.length < 2 || trainFactors.length % 2 !== 0) {
    throw new Error(`trainFactors must hold (height, radius) pairs, got length ${trainFactors.length}`);
  }
  const grid = coverageGrid(judgements, labels);
  const plausible = judgements.filter((_, i) => labels[i] === 'C');
  const uniform = Array.from({ length: plausible.length }, () => ({ height: rng(), radius: rng() }));
  return {
    precision: plausible.length / n,
    recall: grid.filter((count) => count > 0).length / CELL_COUNT,
    recallBaseline: 1 - (1 - 1 / CELL_COUNT) ** n,
    novelty: meanNearestDistance(plausible, trainFactors),
    noveltyBaseline: meanNearestDistance(uniform, trainFactors),
    n,
  };
}

/** Mean over `points` of the Euclidean distance to the nearest pair of `factors`; NaN for no points. */
function meanNearestDistance(
  points: readonly { height: number; radius: number }[],
  factors: Float32Array,
): number {
  if (points.length === 0) return NaN;
  let total = 0;
  for (const { height, radius } of points) {
    let nearest = Infinity;
    for (let i = 0; i < factors.length; i += 2) {
      const dh = height - (factors[i] as number);
      const dr = radius - (factors[i + 1] as number);
      const d2 = dh * dh + dr * dr;
      if (d2 < nearest) nearest = d2;
    }
    total += Math.sqrt(nearest);
  }
  return total / points.length;
}

/**
 * The generator for a novelty baseline's uniform draws, for a sampler seeded with `seed`. Why not
 * createRng(seed) or createRng(seed + 1): integer seeds are the generator's state itself, so when
 * the model's dataset seed matches, the "fresh" draws would be the training factors themselves
 * (distance 0). A non-integer seed is hashed into an unrelated state.
 *
 * @example scoreSamples({ judgements, labels, trainFactors, rng: noveltyBaselineRng(1) })
 */
export function noveltyBaselineRng(seed: number): Rng {
  return createRng(seed + 0.5);
}
