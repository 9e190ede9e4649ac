// Small file helpers for the shell and the model store: atomic writes and plain-words file errors.
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorMessage } from '../../shared/errors';

/** A hidden sibling of `path` with a name no other write uses (same folder, so rename is atomic). */
export function tempSibling(path: string, kind: 'tmp' | 'old' = 'tmp'): string {
  return join(dirname(path), `.${basename(path)}.${kind}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Writes `bytes` to `path` through a temporary file and a rename, so a failed write leaves no half file. */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const temp = tempSibling(path);
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined); // e.g. ENOTDIR: there is nothing to remove
    throw err;
  }
}

/** Why a file operation failed, in words a user can act on (e.g. "the folder is not writable"). */
export function describeFileError(err: unknown): string {
  const reasons: Record<string, string> = {
    EACCES: 'permission denied (the folder is not writable)',
    EPERM: 'permission denied (the folder is not writable)',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    ENOENT: 'the folder does not exist',
    ENOTDIR: 'part of the path is a file, not a folder',
    EISDIR: 'a folder of that name is in the way',
    EEXIST: 'a file is in the way of a folder',
    ENAMETOOLONG: 'the name is too long',
  };
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code && reasons[code]) return reasons[code];
  return errorMessage(err);
}
