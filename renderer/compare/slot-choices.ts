/**
 * What a Compare slot can be filled from, as the picker lists it: each choice's label and the
 * source it asks for, keyed by a string a <select> can hold (e.g. "bundled:aligned").
 */
import type { BundledModel, CompareSource, LadderPoint, RecentModel } from '../../shared/api';
import type { Translate } from '../../shared/i18n/translate';
import { bundledWords, modelName } from '../explore/model-description';

/** The picker's groups, in order; SlotCard words their names. */
export const SLOT_GROUPS = ['bundled', 'yours', 'ladder'] as const;

export interface SlotChoice {
  key: string;
  label: string;
  group: (typeof SLOT_GROUPS)[number];
  source: CompareSource;
}

/** Every model a slot can show now: the bundled ones, the current one, the user's kept ones, the ladder's. */
export function slotChoices(
  t: Translate,
  bundled: readonly BundledModel[],
  recent: readonly RecentModel[],
  ladder: readonly LadderPoint[],
  hasCurrent: boolean,
): SlotChoice[] {
  const out: SlotChoice[] = bundled.map((m) => ({
    key: `bundled:${m.id}`,
    label: bundledWords(t, m).name,
    group: 'bundled',
    source: { kind: 'bundled', id: m.id },
  }));
  if (hasCurrent)
    out.push({
      key: 'current',
      label: t('compare.slot.current'),
      group: 'yours',
      source: { kind: 'current' },
    });
  for (const m of recent)
    out.push({
      key: `recent:${m.id}`,
      label: modelName(t, m),
      group: 'yours',
      source: { kind: 'recent', id: m.id },
    });
  for (const p of ladder)
    out.push({
      key: `ladder:${p.id}`,
      label: ladderLabel(t, p),
      group: 'ladder',
      source: { kind: 'ladder', id: p.id },
    });
  return out;
}

/** @example ladderLabel(translator('en'), { beta: 0.3, seed: 2 }) // 'β = 0.3, seed 2' */
export function ladderLabel(t: Translate, p: Pick<LadderPoint, 'beta' | 'seed'>): string {
  return t('compare.ladder.point', { beta: String(p.beta), seed: String(p.seed) });
}
