import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Factors, GridPngRequest, ModelExportRequest, ModelState, SaveResult } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import type { MessageId } from '../../shared/i18n/catalogs';
import { t } from '../i18n/current';
import type { NoticeActions } from '../state/use-notices';

/** The renderer/api.ts helpers this hook drives (injected, so tests can fake them). */
export interface SaveHelpers {
  saveImage(req: { z: [number, number]; sizePx: number; factors?: Factors }): Promise<SaveResult>;
  exportGrid(req: GridPngRequest): Promise<SaveResult>;
  saveModel(opts?: ModelExportRequest): Promise<SaveResult>;
  openModel(file?: File): Promise<ModelState | null>;
}

export type SaveTask = 'image' | 'grid' | 'save-model' | 'open-model';

/** Each task's notice topic (a later notice on it replaces the last) and its name in the notices. */
const TASKS: Record<SaveTask, { topic: string; name: MessageId }> = {
  image: { topic: 'Save image', name: 'files.saveImage' },
  grid: { topic: 'Export grid', name: 'files.exportGrid' },
  'save-model': { topic: 'Save model', name: 'files.saveModel' },
  'open-model': { topic: 'Open model', name: 'files.openModel' },
};

export interface SaveActions {
  busy: SaveTask | null;
  saveImage(sizePx: number): Promise<void>;
  exportGrid(): Promise<void>;
  /** `withTimeline`: the model file carries its training timeline too (off by default). */
  saveModel(opts?: ModelExportRequest): Promise<void>;
  /** Browser: pass the chosen file; Electron: no argument opens the native dialog. */
  openModel(file?: File): Promise<void>;
}

interface SaveContext {
  z: [number, number];
  trueFactors: Factors | null;
  grid: GridPngRequest | null;
}

/**
 * Save image / Export grid / Save model / Open model with their outcome in the notice area:
 * success names the file, a cancelled dialog says so, a failure gives its reason and changes
 * nothing (the engine keeps the current model when an opened one is bad).
 */
export function useSaveActions(
  helpers: SaveHelpers,
  context: SaveContext,
  notices: NoticeActions,
  onModelOpened: (model: ModelState) => void,
  onModelSaved: () => void = () => undefined,
): SaveActions {
  const { busy, run } = useSaveTask(notices);
  const ctx = useRef(context);
  useEffect(() => {
    ctx.current = context;
  });

  const saveImage = useCallback(
    (sizePx: number) => {
      const { z, trueFactors } = ctx.current;
      return run('image', () =>
        helpers.saveImage({ z, sizePx, ...(trueFactors ? { factors: trueFactors } : {}) }),
      );
    },
    [helpers, run],
  );
  const exportGrid = useCallback(() => {
    const grid = ctx.current.grid;
    if (!grid) {
      notices.push('error', t('files.exportGrid.off'), TASKS.grid.topic);
      return Promise.resolve();
    }
    return run('grid', () => helpers.exportGrid(grid));
  }, [helpers, run, notices]);
  const saveModel = useCallback(
    (opts?: ModelExportRequest) => run('save-model', () => helpers.saveModel(opts), undefined, onModelSaved),
    [helpers, run, onModelSaved],
  );
  const openModel = useCallback(
    (file?: File) =>
      run(
        'open-model',
        async () => {
          const model = await helpers.openModel(file);
          if (!model) return { saved: false };
          onModelOpened(model);
          notices.push('success', t('files.opened', { name: model.info.name }), TASKS['open-model'].topic);
          return null;
        },
        'files.cancelled.kept',
      ),
    [helpers, run, notices, onModelOpened],
  );

  return useMemo(
    () => ({ busy, saveImage, exportGrid, saveModel, openModel }),
    [busy, saveImage, exportGrid, saveModel, openModel],
  );
}

/**
 * Runs one save task at a time as far as the UI shows (`busy` names it) and reports its outcome:
 * saved (naming the file), cancelled (`cancelled` says what that left), or failed with the reason.
 */
function useSaveTask(notices: NoticeActions) {
  const [busy, setBusy] = useState<SaveTask | null>(null);
  const run = useCallback(
    async (
      task: SaveTask,
      work: () => Promise<SaveResult | null>,
      cancelled: MessageId = 'files.cancelled',
      onSaved: () => void = () => undefined,
    ) => {
      const { topic } = TASKS[task];
      const name = t(TASKS[task].name);
      setBusy(task);
      try {
        const result = await work();
        if (result && result.saved) {
          onSaved();
          const text = result.path
            ? t('files.savedAs', { task: name, path: result.path })
            : t('files.saved', { task: name });
          notices.push('success', text, topic);
        } else if (result && !result.saved) notices.push('info', t(cancelled, { task: name }), topic);
      } catch (e) {
        notices.push('error', t('files.failed', { task: name, reason: errorMessage(e) }), topic);
      } finally {
        setBusy(null);
      }
    },
    [notices],
  );
  return { busy, run };
}
