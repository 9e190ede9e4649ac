import { useCallback, useMemo, useState } from 'react';
import type { AtlasApi, GridPngRequest } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { translator } from '../../shared/i18n/translate';
import { t } from '../i18n/current';
import type { Explorer } from '../state/use-explorer';
import type { NoticeActions } from '../state/use-notices';
import { useMenuCommands } from './use-menu-commands';
import { useSaveActions, type SaveActions, type SaveHelpers } from './use-save-actions';

/**
 * The question asked before a trained, unsaved model is replaced (Switch model, Open model, Train),
 * in English (tests match it); it is asked in the language on screen ('files.replaceUnsaved').
 * The service keeps the model under "Your models" for switching back, but only until the app closes.
 */
export const REPLACE_UNSAVED_QUESTION = translator('en')('files.replaceUnsaved');

/** How many saved model ids the guard remembers (a session saves a handful). */
const MAX_SAVED_IDS = 50;

/** Menu commands that are not about files, carried out by the app. */
export interface AppCommands {
  trainNew(): void;
  about(): void;
}

export interface ModelFiles {
  /** Save image / Export grid / Save model / Open model (Open asks first, see REPLACE_UNSAVED_QUESTION). */
  actions: SaveActions;
  /**
   * Switches to a bundled model, or back to one of the user's own kept this session (asking first
   * like Open model); failures go to the notices.
   */
  switchModel(id: string): Promise<void>;
  /**
   * Asks before the model on screen is replaced, when it was trained here and not saved since
   * (window.confirm); true when it may be replaced. A new training run asks it too.
   */
  confirmReplace(): boolean;
  /** The size Save image writes, in pixels. */
  imagePx: number;
  setImagePx(px: number): void;
  /** The decoded grid on the map, which Export grid writes (null while none is shown). */
  setGrid(grid: GridPngRequest | null): void;
}

/**
 * The model and its files: Save image, Export grid, Save model, Open model, the bundled-model
 * switch, and the native menu's commands. A model trained here and not saved since would be lost
 * when the app closes once another replaces it, so Open, Switch (and Train, through
 * `confirmReplace`) ask first (window.confirm); declining changes nothing.
 */
export function useModelFiles(
  api: AtlasApi,
  helpers: SaveHelpers,
  explorer: Pick<Explorer, 'state' | 'bundled' | 'showModel' | 'switchToBundled' | 'switchToRecent'>,
  notices: NoticeActions,
  commands: AppCommands,
): ModelFiles {
  const [grid, setGrid] = useState<GridPngRequest | null>(null);
  const [imagePx, setImagePx] = useState(512);
  const { z, trueFactors, model } = explorer.state;

  // "Saved" is remembered for this window only: after a reload the guard asks again.
  // Several ids: a model saved, then replaced, can come back from the kept ones.
  const [savedIds, setSavedIds] = useState<readonly string[]>([]);
  const info = model?.info;
  const unsaved = info?.source === 'trained' && !savedIds.includes(info.id);
  const markSaved = useCallback(() => {
    if (info) setSavedIds((ids) => [...ids.filter((id) => id !== info.id), info.id].slice(-MAX_SAVED_IDS));
  }, [info]);
  const confirmReplace = useCallback(() => !unsaved || window.confirm(t('files.replaceUnsaved')), [unsaved]);

  const save = useSaveActions(helpers, { z, trueFactors, grid }, notices, explorer.showModel, markSaved);
  const actions = useMemo(
    () => ({
      ...save,
      openModel: (file?: File) => (confirmReplace() ? save.openModel(file) : Promise.resolve()),
    }),
    [save, confirmReplace],
  );
  const { switchToBundled, switchToRecent, bundled } = explorer;
  const switchModel = useCallback(
    (id: string) =>
      confirmReplace()
        ? (bundled.some((b) => b.id === id) ? switchToBundled(id) : switchToRecent(id)).then(
            () => notices.clear('Switch model'),
            (e: unknown) =>
              notices.push('error', t('files.switchFailed', { reason: errorMessage(e) }), 'Switch model'),
          )
        : Promise.resolve(),
    [switchToBundled, switchToRecent, bundled, notices, confirmReplace],
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

  return { actions, switchModel, confirmReplace, imagePx, setImagePx, setGrid };
}
