// Small persistent settings of the desktop app (in app.getPath('userData')/settings.json).
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../node/files';
import { errorMessage } from '../../shared/errors';

export interface Settings {
  /** The folder last used in an open or save dialog. */
  lastFolder?: string;
}

export interface SettingsStore {
  get(): Settings;
  /** Merges `patch` and writes the file (errors are logged: settings are a convenience). */
  update(patch: Settings): Promise<void>;
}

/** Loads the settings file; a missing or broken file gives empty settings. */
export async function loadSettings(file: string): Promise<SettingsStore> {
  let settings: Settings = {};
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && typeof (parsed as Settings).lastFolder === 'string') {
      settings = { lastFolder: (parsed as Settings).lastFolder };
    }
  } catch {
    // first start, or an unreadable file: start afresh
  }
  return {
    get: () => settings,
    async update(patch) {
      settings = { ...settings, ...patch };
      try {
        await writeFileAtomic(file, JSON.stringify(settings, null, 2));
      } catch (err) {
        console.warn(`Could not save settings to ${file}: ${errorMessage(err)}`);
      }
    },
  };
}
