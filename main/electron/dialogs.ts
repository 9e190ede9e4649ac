// Native open/save dialogs for the service (Electron only), starting in the folder last used.
import type { BrowserWindow, Dialog } from 'electron';
import { dirname, join } from 'node:path';
import type { Dialogs } from '../service/service';
import type { SettingsStore } from './settings';

/** Dialogs attached to the current window, remembering the last folder in `settings`. */
export function createNativeDialogs(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  window: () => BrowserWindow | null,
  settings: SettingsStore,
  defaultFolder: string,
): Dialogs {
  const folder = () => settings.get().lastFolder ?? defaultFolder;
  const remember = (path: string) => settings.update({ lastFolder: dirname(path) });
  return {
    async openModel() {
      const options: Electron.OpenDialogOptions = {
        title: 'Open model',
        defaultPath: folder(),
        properties: ['openFile'],
        filters: [{ name: 'Latent Atlas model (.atlas.json or model.json)', extensions: ['json'] }],
      };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const path = result.canceled ? undefined : result.filePaths[0];
      if (!path) return null;
      await remember(path);
      return path;
    },
    async saveFile(request) {
      const options: Electron.SaveDialogOptions = {
        title: request.title,
        defaultPath: join(folder(), request.defaultName),
        filters: [request.filter],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      await remember(result.filePath);
      return result.filePath;
    },
  };
}
