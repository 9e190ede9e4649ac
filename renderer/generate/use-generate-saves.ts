import { useCallback, useState } from 'react';
import type { GalleryPngRequest, SaveResult } from '../../shared/api';
import type { MessageId } from '../../shared/i18n/catalogs';
import { t } from '../i18n/current';
import type { NoticeActions } from '../state/use-notices';
import { samplesCsv } from './samples-csv';
import type { SampleSet } from './use-samples';

/** The renderer/api.ts helpers the Generate panel saves with (injected, so tests can fake them). */
export interface GenerateSavers {
  saveGallery(req: GalleryPngRequest): Promise<SaveResult>;
  saveCsv(suggestedName: string, text: string): Promise<SaveResult>;
}

export interface GenerateSaves {
  busy: boolean;
  /** Null when saving is not wired (tests, a page without the helpers). */
  saveGallery: (() => Promise<void>) | null;
  saveCsv: (() => Promise<void>) | null;
}

/** Pixels per gallery tile in the saved sheet. */
const SHEET_TILE_PX = 64;

/**
 * Save gallery (PNG sheet, tEXt: model, family, θ, seed, temperature) and Save CSV (z1, z2, ĥ, r̂,
 * residual, label), each reporting its outcome in the notice area.
 */
export function useGenerateSaves(
  savers: GenerateSavers | null,
  samples: SampleSet | null,
  modelName: string,
  familyName: string,
  notices: NoticeActions,
): GenerateSaves {
  const [busy, setBusy] = useState(false);
  // `topic` keys the notices (the same in every language); `what` names the action on screen.
  const run = useCallback(
    async (topic: string, what: MessageId, save: () => Promise<SaveResult>) => {
      setBusy(true);
      try {
        const result = await save();
        if (result.saved)
          notices.push(
            'success',
            t('generate.saved', { what: t(what), path: result.path ?? '' }).trim(),
            topic,
          );
        else notices.clear(topic);
      } catch (error) {
        notices.fail(t(what), error, topic);
      } finally {
        setBusy(false);
      }
    },
    [notices],
  );
  const gallery = useCallback(() => {
    if (!savers || !samples) return Promise.resolve();
    const { z, count, seed, temperature, theta } = samples;
    const columns = Math.min(32, Math.ceil(Math.sqrt(count)));
    const req = {
      z,
      columns,
      tilePx: SHEET_TILE_PX,
      model: modelName,
      family: familyName,
      theta,
      seed,
      temperature,
    };
    return run('Save gallery', 'generate.saveGallery', () => savers.saveGallery(req));
  }, [savers, samples, modelName, familyName, run]);
  const csv = useCallback(() => {
    if (!savers || !samples) return Promise.resolve();
    const text = samplesCsv(samples.z, samples.judged?.judgements ?? null, samples.judged?.labels ?? null);
    return run('Save CSV', 'generate.saveCsv', () =>
      savers.saveCsv(`samples-${samples.family}-seed${samples.seed}.csv`, text),
    );
  }, [savers, samples, run]);
  return { busy, saveGallery: savers && samples ? gallery : null, saveCsv: savers && samples ? csv : null };
}
