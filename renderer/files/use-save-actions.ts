import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Factors, GridPngRequest, ModelExportRequest, ModelState, SaveResult } from '../../shared/api';
import type { NoticeActions } from '../state/use-notices';

/** The renderer/api.ts helpers this hook drives (injected, so tests can fake them). */
export interface SaveHelpers {
  saveImage(req: { z: [number, number]; sizePx: number; factors?: Factors }): Promise<SaveResult>;
  exportGrid(req: GridPngRequest): Promise<SaveResult>;
  saveModel(opts?: ModelExportRequest): Promise<SaveResult>;
  openModel(file?: File): Promise<ModelState | null>;
}

export type SaveTask = 'image' | 'grid' | 'save-model' | 'open-model';

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
      return run('image', 'Save image', () =>
        helpers.saveImage({ z, sizePx, ...(trueFactors ? { factors: trueFactors } : {}) }),
      );
    },
    [helpers, run],
  );
  const exportGrid = useCallback(() => {
    const grid = ctx.current.grid;
    if (!grid) {
      notices.push('error', 'Export grid: turn on the decoded grid on the map first.', 'Export grid');
      return Promise.resolve();
    }
    return run('grid', 'Export grid', () => helpers.exportGrid(grid));
  }, [helpers, run, notices]);
  const saveModel = useCallback(
    (opts?: ModelExportRequest) =>
      run('save-model', 'Save model', () => helpers.saveModel(opts), undefined, onModelSaved),
    [helpers, run, onModelSaved],
  );
  const openModel = useCallback(
    (file?: File) =>
      run(
        'open-model',
        'Open model',
        async () => {
          const model = await helpers.openModel(file);
          if (!model) return { saved: false };
          onModelOpened(model);
          notices.push('success', `Opened “${model.info.name}”.`, 'Open model');
          return null;
        },
        'the current model was kept',
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
 * saved (naming the file), cancelled, or failed with the reason.
 */
function useSaveTask(notices: NoticeActions) {
  const [busy, setBusy] = useState<SaveTask | null>(null);
  const run = useCallback(
    async (
      task: SaveTask,
      what: string,
      work: () => Promise<SaveResult | null>,
      cancelled = 'nothing was written',
      onSaved: () => void = () => undefined,
    ) => {
      setBusy(task);
      try {
        const result = await work();
        if (result && result.saved) {
          onSaved();
          notices.push('success', `${what}: saved${result.path ? ` as ${result.path}` : ''}.`, what);
        } else if (result && !result.saved) notices.push('info', `${what}: cancelled, ${cancelled}.`, what);
      } catch (e) {
        notices.fail(`${what} failed`, e, what);
      } finally {
        setBusy(null);
      }
    },
    [notices],
  );
  return { busy, run };
}
