/**
 * The user's preferences (the language, lesson progress), kept as prefs.json in the app's data
 * folder between launches. Reads are bounded and validated: a missing, oversized or broken file
 * gives the defaults (with a warning), never an error; writes are atomic (crash-safe).
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Prefs } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { validateRequest } from '../../shared/validate';
import { readRegularFile, writeFileAtomic } from '../node/files';

/** Largest prefs file read (a full one: 64 lessons of 16 steps is under 8 KB). */
const PREFS_MAX_BYTES = 64 * 1024;

export const DEFAULT_PREFS: Prefs = { locale: null, lessons: {} };

export interface PrefsStore {
  get(): Prefs;
  /** Merges `patch` (validated by the caller) and writes the file; answers the preferences. */
  set(patch: Partial<Prefs>): Promise<Prefs>;
}

/** The preferences kept in `file`, or in memory only when `file` is null. */
export async function openPrefsStore(file: string | null): Promise<PrefsStore> {
  let prefs: Prefs = DEFAULT_PREFS;
  if (file) {
    try {
      const parsed: unknown = JSON.parse((await readRegularFile(file, PREFS_MAX_BYTES)).toString('utf8'));
      validateRequest('prefs:set', parsed);
      prefs = { ...DEFAULT_PREFS, ...(parsed as Partial<Prefs>) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        console.warn(
          `Latent Atlas: ${file} was not read (${errorMessage(err)}); starting from the defaults.`,
        );
    }
  }
  // Why a queue: two quick changes (a language, a lesson step) must reach the file in order.
  let writing: Promise<void> = Promise.resolve();
  return {
    get: () => prefs,
    async set(patch) {
      prefs = { ...prefs, ...patch };
      if (!file) return prefs;
      const text = JSON.stringify(prefs, null, 2);
      const target = file;
      writing = writing.then(() =>
        mkdir(dirname(target), { recursive: true })
          .then(() => writeFileAtomic(target, text))
          .catch((err: unknown) => {
            throw new Error(`Could not keep your preferences in ${target}: ${errorMessage(err)}`, {
              cause: err,
            });
          }),
      );
      await writing.catch((err: unknown) => {
        writing = Promise.resolve();
        throw err;
      });
      return prefs;
    },
  };
}
