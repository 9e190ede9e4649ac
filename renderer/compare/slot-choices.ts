/**
 * What a Compare slot can be filled from, as the picker lists it: each choice's label and the
 * source it asks for, keyed by a string a <select> can hold (e.g. "bundled:aligned").
 */
import type { BundledModel, CompareSource, LadderPoint, RecentModel } from '../../shared/api';

export interface SlotChoice {
  key: string;
  label: string;
  group: 'Bundled' | 'Your models' | 'β ladder';
  source: CompareSource;
}

/** Every model a slot can show now: the bundled ones, the current one, the user's kept ones, the ladder's. */
export function slotChoices(
  bundled: readonly BundledModel[],
  recent: readonly RecentModel[],
  ladder: readonly LadderPoint[],
  hasCurrent: boolean,
): SlotChoice[] {
  const out: SlotChoice[] = bundled.map((m) => ({
    key: `bundled:${m.id}`,
    label: m.name,
    group: 'Bundled',
    source: { kind: 'bundled', id: m.id },
  }));
  if (hasCurrent)
    out.push({
      key: 'current',
      label: 'The model in the explorer',
      group: 'Your models',
      source: { kind: 'current' },
    });
  for (const m of recent)
    out.push({
      key: `recent:${m.id}`,
      label: m.name,
      group: 'Your models',
      source: { kind: 'recent', id: m.id },
    });
  for (const p of ladder)
    out.push({
      key: `ladder:${p.id}`,
      label: ladderLabel(p),
      group: 'β ladder',
      source: { kind: 'ladder', id: p.id },
    });
  return out;
}

/** @example ladderLabel({ beta: 0.3, seed: 2 }) // 'β = 0.3, seed 2' */
export function ladderLabel(p: Pick<LadderPoint, 'beta' | 'seed'>): string {
  return `β = ${p.beta}, seed ${p.seed}`;
}
