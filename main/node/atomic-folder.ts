/**
 * Replacing a folder of files so that a crash at any moment leaves the old folder or the new one,
 * whole, at its path, and never a mix of the two.
 *
 * A save writes the files into a temporary sibling, moves the old folder aside to an "old" sibling,
 * moves the new one in and discards the old one. The only moment with nothing at the path is
 * between the two moves, and then the old sibling is whole: `recoverFolder`, which every save and
 * every read runs first, moves it back and removes what crashed saves left. Anything removed is
 * first renamed to a "trash" sibling (one atomic step), so a crash in the middle of a removal
 * leaves a partial folder only under a name that is never restored.
 *
 * Siblings are named by `tempSibling` (kind, process id, random part). Those of a save still
 * running, in this process or in another live one, are left alone.
 */
import { lstat, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type TempKind, parseTempSibling, tempSibling } from './files';

/** A step that changes the disk, named for tests and for the `onStep` hook. */
export type FolderStep =
  | 'create-parent'
  | 'create-temp'
  | `write ${string}`
  | 'move-old-aside'
  | 'move-new-in'
  | 'restore-old'
  | 'trash'
  | 'remove-trash';

/**
 * Called before each step that changes the disk. Why: the seam for crash tests; a hook that throws
 * from some step on stops every later step, which is what the disk sees when the process dies.
 */
export type StepHook = (step: FolderStep) => void;

export interface FolderWriteOptions {
  onStep?: StepHook;
  /** Why an existing folder with these entries must not be replaced, or null when it may be. */
  refuseToReplace?: (entries: string[]) => string | null;
}

/** Temporary siblings of saves running in this process: recovery leaves them alone. */
const inFlight = new Set<string>();

const noStep: StepHook = () => undefined;

/**
 * Writes `files` (name → bytes) as the folder `dir`, replacing an existing folder in one atomic
 * rename. Throws the file system's error (with its `code`) when a step fails; the old folder is
 * then back in place and no temporary sibling is left.
 */
export async function writeFolderAtomic(
  dir: string,
  files: ReadonlyArray<readonly [string, Uint8Array | string]>,
  { onStep = noStep, refuseToReplace }: FolderWriteOptions = {},
): Promise<void> {
  await recoverFolder(dir, onStep);
  await checkReplaceable(dir, refuseToReplace);
  const tmp = tempSibling(dir, 'tmp');
  const old = tempSibling(dir, 'old');
  inFlight.add(tmp).add(old);
  try {
    onStep('create-parent');
    await mkdir(dirname(dir), { recursive: true });
    onStep('create-temp');
    await mkdir(tmp);
    for (const [name, bytes] of files) {
      onStep(`write ${name}`);
      await writeSynced(join(tmp, name), bytes);
    }
    onStep('move-old-aside');
    await rename(dir, old).catch(unlessMissing);
    onStep('move-new-in');
    await rename(tmp, dir);
  } catch (err) {
    inFlight.delete(tmp);
    inFlight.delete(old);
    await recoverFolder(dir, onStep); // puts the old folder back and removes the temporary one
    throw err;
  }
  inFlight.delete(tmp);
  inFlight.delete(old);
  // The new folder is in place; a failure to discard the old one leaves it to the next recovery.
  await discard(old, onStep, dir);
}

/**
 * Puts back the folder a crashed save moved aside (when nothing is at `dir`) and removes what
 * crashed saves and removals left beside it. Never throws: it is housekeeping before a read or a
 * save, which report their own errors.
 */
export async function recoverFolder(dir: string, onStep: StepHook = noStep): Promise<void> {
  const parent = dirname(dir);
  const base = basename(dir);
  const names = await readdir(parent).catch(() => [] as string[]);
  const siblings = names.flatMap((name) => {
    const parsed = parseTempSibling(name, base);
    return parsed ? [{ path: join(parent, name), ...parsed }] : [];
  });
  if (siblings.length === 0) return;
  let restored: string | null = null;
  if (!(await exists(dir))) restored = await restoreOld(dir, siblings, onStep);
  for (const s of siblings) {
    if (s.path !== restored && isStale(s)) await discard(s.path, onStep, dir, s.kind === 'trash');
  }
}

/** Moves the newest whole "old" sibling back to `dir`; returns its former path, or null. */
async function restoreOld(
  dir: string,
  siblings: ReadonlyArray<{ path: string; kind: TempKind }>,
  onStep: StepHook,
): Promise<string | null> {
  const olds = await Promise.all(
    siblings
      .filter((s) => s.kind === 'old')
      .map(async (s) => ({ path: s.path, mtimeMs: (await stat(s.path).catch(() => null))?.mtimeMs ?? -1 })),
  );
  // Why the newest: if several saves crashed (another app instance's too), it is the latest model.
  olds.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { path } of olds) {
    try {
      onStep('restore-old');
      await rename(path, dir);
      return path;
    } catch {
      // gone meanwhile, or the step failed: try the next one
    }
  }
  return null;
}

/** Removes `path` (renamed to a trash sibling of `dir` first, unless it is one); never throws. */
async function discard(path: string, onStep: StepHook, dir: string, isTrash = false): Promise<void> {
  const trash = isTrash ? path : tempSibling(dir, 'trash');
  inFlight.add(trash);
  try {
    if (!isTrash) {
      onStep('trash');
      await rename(path, trash);
    }
    onStep('remove-trash');
    await rm(trash, { recursive: true, force: true });
  } catch {
    // already gone, or not removable now: the next recovery tries again
  } finally {
    inFlight.delete(trash);
  }
}

/** True for a sibling no running save owns: ours but finished, or of a process that has ended. */
function isStale({ path, pid }: { path: string; pid: number }): boolean {
  if (pid === process.pid) return !inFlight.has(path);
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'EPERM'; // EPERM: it exists, owned by another user
  }
}

async function checkReplaceable(dir: string, refuseToReplace: FolderWriteOptions['refuseToReplace']) {
  const info = await stat(dir).catch(() => null);
  if (!info) return;
  if (!info.isDirectory()) {
    throw Object.assign(new Error(`${dir} is a file, not a folder`), { code: 'EEXIST' });
  }
  const reason = refuseToReplace?.(await readdir(dir));
  if (reason) throw new Error(reason);
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    (err: NodeJS.ErrnoException) => err.code !== 'ENOENT', // unsure: treat as present, touch nothing
  );
}

/**
 * Writes a new file and flushes it to the disk. Why the flush: the rename that publishes the folder
 * must not reach the disk before its files do, or a power cut could leave empty files in place.
 */
async function writeSynced(path: string, bytes: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function unlessMissing(err: NodeJS.ErrnoException): void {
  if (err.code !== 'ENOENT') throw err;
}
