// Small file helpers for the shell and the model store: atomic writes, bounded reads of files a
// user picked, and plain-words file errors.
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorMessage } from '../../shared/errors';

/** What a temporary sibling is for: a file or folder being written, an old folder moved aside, or one being removed. */
export type TempKind = 'tmp' | 'old' | 'trash';

/** A hidden sibling of `path` with a name no other write uses (same folder, so rename is atomic). */
export function tempSibling(path: string, kind: TempKind = 'tmp'): string {
  return join(dirname(path), `.${basename(path)}.${kind}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * What `tempSibling` made the name `name` from, for a path whose last part is `base`; null for any
 * other name.
 *
 * @example parseTempSibling('.model.old-4242-9f0c1a2b', 'model') // { kind: 'old', pid: 4242 }
 */
export function parseTempSibling(name: string, base: string): { kind: TempKind; pid: number } | null {
  const prefix = `.${base}.`;
  if (!name.startsWith(prefix)) return null;
  const match = /^(tmp|old|trash)-(\d{1,10})-[0-9a-f]{8}$/.exec(name.slice(prefix.length));
  return match ? { kind: match[1] as TempKind, pid: Number(match[2]) } : null;
}

/** A file refused before reading it: not a regular file, or larger than the reader allows. */
export class FileRefusedError extends Error {
  constructor(
    readonly path: string,
    /** Why, to follow the file's name, e.g. "is a named pipe (FIFO), not a regular file". */
    readonly reason: string,
    readonly kind: 'not-a-file' | 'too-large',
  ) {
    super(`${path} ${reason}`);
    this.name = 'FileRefusedError';
  }
}

// Why O_NONBLOCK: opening a named pipe for reading otherwise waits for a writer, forever if there
// is none. It changes nothing for regular files. Windows has neither the flag nor named pipes here.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a file a user pointed at, refusing (with a `FileRefusedError`) anything but a regular file
 * of at most `maxBytes`. Why the checks are made on the opened handle, not the path: a path may be
 * a link to `/dev/zero` (endless), a FIFO (blocks) or a folder, and a link can change between a
 * check of the path and the open. Never reads more than `maxBytes + 1` bytes, even from a file
 * that grows meanwhile or claims a size of 0 (as files in /proc do).
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, OPEN_FLAGS);
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new FileRefusedError(path, `is ${whatIs(info)}, not a regular file`, 'not-a-file');
    const tooLarge = (size: number) =>
      new FileRefusedError(path, `is too large (${size} bytes; at most ${maxBytes})`, 'too-large');
    if (info.size > maxBytes) throw tooLarge(info.size);
    const buffer = Buffer.alloc(info.size + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      filled += bytesRead;
      if (bytesRead === 0 || filled === buffer.length) break;
    }
    if (filled > maxBytes) throw tooLarge(filled);
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

function whatIs(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
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
