/**
 * The names the engine gives the models it makes (stored in their files, English), and reading
 * them back, so the page can word them in the language on screen (issue 14): e.g.
 * `trainedName({ kind: 'ae', align: 0 })` = "Trained AE (λ = 0)".
 */
import type { TrainConfig } from './train-config';

type Named = Pick<TrainConfig, 'kind' | 'align'>;

export function trainedName(config: Named): string {
  return `Trained ${config.kind.toUpperCase()} (λ = ${config.align})`;
}

export function trainingName(config: Named): string {
  return `Training ${config.kind.toUpperCase()} (λ = ${config.align})`;
}

export function ladderName(beta: number, seed: number): string {
  return `β-VAE β = ${beta}, seed ${seed}`;
}

export type ParsedName =
  | { kind: 'trained' | 'training'; model: 'AE' | 'VAE'; align: string }
  | { kind: 'ladder'; beta: string; seed: string };

/** What a name made by the functions above says, or null for any other name (a user's file's). */
export function parseModelName(name: string): ParsedName | null {
  const run = /^(Trained|Training) (AE|VAE) \(λ = ([-\d.e]+)\)$/.exec(name);
  if (run)
    return {
      kind: run[1] === 'Trained' ? 'trained' : 'training',
      model: run[2] as 'AE' | 'VAE',
      align: run[3]!,
    };
  const ladder = /^β-VAE β = ([-\d.e]+), seed (\d+)$/.exec(name);
  return ladder ? { kind: 'ladder', beta: ladder[1]!, seed: ladder[2]! } : null;
}
