import { useCallback, useMemo, useState } from 'react';
import type { AtlasApi, GridPngRequest } from '../../shared/api';
import type { Explorer } from '../state/use-explorer';
import type { NoticeActions } from '../state/use-notices';
import { useMenuCommands } from './use-menu-commands';
import { useSaveActions, type SaveActions, type SaveHelpers } from './use-save-actions';

/** The question asked before a trained, unsaved model is replaced (Switch model, Open model). */
export const REPLACE_UNSAVED_QUESTION =
  'Replace your trained model? It has not been saved. Choose Cancel, then Save model to keep it.';

/** Menu commands that are not about files, carried out by the app. */
export interface AppCommands {
  trainNew(): void;
  about(): void;
}

export interface ModelFiles {
  /** Save image / Export grid / Save model / Open model (Open asks first, see REPLACE_UNSAVED_QUESTION). */
  actions: SaveActions;
  /** Switches to a bundled model (asking first like Open model); failures go to the notices. */
  switchModel(id: string): Promise<void>;
  /** The size Save image writes, in pixels. */
  imagePx: number;
  setImagePx(px: number): void;
  /** The decoded grid on the map, which Export grid writes (null while none is shown). */
  setGrid(grid: GridPngRequest | null): void;
}

/**
 * The model and its files: Save image, Export grid, Save model, Open model, the bundled-model
 * switch, and the native menu's commands. A model trained here and not saved since would be lost
 * when another replaces it, so Open and Switch ask first (window.confirm); declining changes nothing.
 */
export function useModelFiles(
  api: AtlasApi,
  helpers: SaveHelpers,
  explorer: Pick<Explorer, 'state' | 'showModel' | 'switchToBundled'>,
  notices: NoticeActions,
  commands: AppCommands,
): ModelFiles {
  const [grid, setGrid] = useState<GridPngRequest | null>(null);
  const [imagePx, setImagePx] = useState(512);
  const { z, trueFactors, model } = explorer.state;

  // "Saved" is remembered for this window only: after a reload the guard asks again.
  const [savedModelId, setSavedModelId] = useState<string | null>(null);
  const info = model?.info;
  const unsaved = info?.source === 'trained' && info.id !== savedModelId;
  const markSaved = useCallback(() => setSavedModelId(info?.id ?? null), [info]);
  const confirmReplace = useCallback(() => !unsaved || window.confirm(REPLACE_UNSAVED_QUESTION), [unsaved]);

  const save = useSaveActions(helpers, { z, trueFactors, grid }, notices, explorer.showModel, markSaved);
  const actions = useMemo(
    () => ({
      ...save,
      openModel: (file?: File) => (confirmReplace() ? save.openModel(file) : Promise.resolve()),
    }),
    [save, confirmReplace],
  );
  const { switchToBundled } = explorer;
  const switchModel = useCallback(
    (id: string) =>
      confirmReplace()
        ? switchToBundled(id).then(
            () => notices.clear('Switch model'),
            (e: unknown) => notices.fail('Switching models failed', e, 'Switch model'),
          )
        : Promise.resolve(),
    [switchToBundled, notices, confirmReplace],
  );

  // 'menu:command' comes from the Electron menu only, so Open model… opens the native dialog.
  useMenuCommands(api, {
    'save-image': () => void actions.saveImage(imagePx),
    'export-grid': () => void actions.exportGrid(),
    'save-model': () => void actions.saveModel(),
    'open-model': () => void actions.openModel(),
    'train-new': commands.trainNew,
    about: commands.about,
  });

  return { actions, switchModel, imagePx, setImagePx, setGrid };
}
