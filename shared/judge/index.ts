/**
 * The judge: nearest true cylinder of any image, plausibility labels, coverage and the
 * generation scores (precision, recall, novelty). Pure TypeScript, no tfjs.
 */
export {
  BANK_STEPS_RANGE,
  DEFAULT_BANK_STEPS,
  createJudgeBank,
  judgeImage,
  judgeImages,
  residualNmse,
} from './bank';
export type { JudgeBank, Judgement } from './bank';
export {
  COVERAGE_CELLS,
  THRESHOLD_CODES,
  coverageCell,
  coverageGrid,
  labelSamples,
  plausibilityThreshold,
} from './labels';
export type { SampleLabel } from './labels';
export { noveltyBaselineRng, scoreSamples } from './scores';
export type { GenerationScores, ScoreInput } from './scores';
