// Small persistent settings of the desktop app (in app.getPath('userData')/settings.json).
import { readRegularFile, writeFileAtomic } from '../node/files';
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

/** Largest settings file read (ours is under 1 KB). */
const SETTINGS_MAX_BYTES = 64 * 1024;

/** Loads the settings file; a missing or broken file gives empty settings. */
export async function loadSettings(file: string): Promise<SettingsStore> {
  let settings: Settings = {};
  try {
    // Why bounded: settings hold one path; a replaced or corrupted file must not be read whole.
    const parsed: unknown = JSON.parse((await readRegularFile(file, SETTINGS_MAX_BYTES)).toString('utf8'));
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
