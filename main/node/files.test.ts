import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  describeFileError,
  FileRefusedError,
  parseTempSibling,
  readRegularFile,
  tempSibling,
  writeFileAtomic,
} from './files';

/** Paths whose write fails half-way with EACCES (a permission error that even root gets). */
const refused = vi.hoisted(() => new Set<string>());

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const writeFile: typeof fs.writeFile = async (path, data, options) => {
    await fs.writeFile(path, data, options);
    const dir = String(path).slice(0, String(path).lastIndexOf('/'));
    if (refused.has(dir)) {
      await fs.truncate(String(path), 1); // a half-written file, as when the write is cut off
      throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), {
        code: 'EACCES',
      });
    }
  };
  return { ...fs, writeFile };
});

const fresh = () => mkdtempSync(join(tmpdir(), 'atlas-files-'));

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temporary file', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'a.png'), 'old');
    await writeFileAtomic(join(dir, 'a.png'), 'new');
    expect(readFileSync(join(dir, 'a.png'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.png']);
  });

  it('leaves nothing behind when the final rename fails', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'taken.png')); // a folder where the file should go
    writeFileSync(join(dir, 'taken.png', 'keep'), 'x');
    await expect(writeFileAtomic(join(dir, 'taken.png'), 'bytes')).rejects.toMatchObject({ code: 'EISDIR' });
    expect(readdirSync(dir)).toEqual(['taken.png']);
    expect(readdirSync(join(dir, 'taken.png'))).toEqual(['keep']);
  });

  it('fails cleanly where the folder is a file', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), 'x');
    const err = await writeFileAtomic(join(dir, 'file', 'a.png'), 'bytes').catch((e: unknown) => e);
    expect(describeFileError(err)).toBe('part of the path is a file, not a folder');
    expect(readdirSync(dir)).toEqual(['file']);
  });

  // A fault injected into the write (not a read-only folder: root ignores file modes, and this must
  // run everywhere): the half-written temporary file goes, and the error is put in plain words.
  it('fails cleanly when the write itself is refused', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'a.png'), 'old');
    refused.add(dir);
    try {
      const err = await writeFileAtomic(join(dir, 'a.png'), 'bytes').catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'EACCES' });
      expect(describeFileError(err)).toBe('permission denied (the folder is not writable)');
      expect(readdirSync(dir)).toEqual(['a.png']);
      expect(readFileSync(join(dir, 'a.png'), 'utf8')).toBe('old');
    } finally {
      refused.delete(dir);
    }
  });
});

describe('describeFileError', () => {
  it('puts common causes in plain words and keeps other messages', () => {
    const withCode = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    expect(describeFileError(withCode('EROFS'))).toBe('the disk is read-only');
    expect(describeFileError(withCode('ENOSPC'))).toBe('the disk is full');
    expect(describeFileError(withCode('EACCES'))).toMatch(/not writable/);
    expect(describeFileError(withCode('EWEIRD'))).toBe('EWEIRD: raw');
    expect(describeFileError('odd')).toBe('odd');
  });
});

// Named pipes and /dev/zero exist on Linux and macOS; Windows has neither at a path.
const posix = process.platform !== 'win32';

describe('readRegularFile', () => {
  it('reads a regular file of up to the limit and refuses a larger one', async () => {
    const file = join(fresh(), 'bundle.json');
    writeFileSync(file, '0123456789');
    expect((await readRegularFile(file, 10)).toString()).toBe('0123456789');
    const err = await readRegularFile(file, 9).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileRefusedError);
    expect(err).toMatchObject({ kind: 'too-large', message: `${file} is too large (10 bytes; at most 9)` });
  });

  it('refuses a huge file from its size, without reading it', async () => {
    const file = join(fresh(), 'weights.bin');
    writeFileSync(file, '');
    truncateSync(file, 8 * 1024 ** 3); // sparse: 8 GB that take no disk
    await expect(readRegularFile(file, 1024)).rejects.toMatchObject({ kind: 'too-large' });
  });

  // Before: readFile of a named pipe waited for a writer forever (this test timed out).
  it.runIf(posix)('refuses a named pipe at once, without waiting for a writer', async () => {
    const fifo = join(fresh(), 'model.atlas.json');
    execFileSync('mkfifo', [fifo]);
    await expect(readRegularFile(fifo, 1024)).rejects.toMatchObject({
      kind: 'not-a-file',
      message: `${fifo} is a named pipe (FIFO), not a regular file`,
    });
  });

  // Before: a link to /dev/zero was read until memory ran out.
  it.runIf(posix)('refuses a link to a device without reading it', async () => {
    const link = join(fresh(), 'weights.bin');
    symlinkSync('/dev/zero', link);
    await expect(readRegularFile(link, 1024)).rejects.toThrow(`${link} is a device, not a regular file`);
  });

  it.runIf(posix)('refuses a folder', async () => {
    const dir = join(fresh(), 'model.json');
    mkdirSync(dir);
    await expect(readRegularFile(dir, 1024)).rejects.toThrow(`${dir} is a folder, not a regular file`);
  });

  it.runIf(process.platform === 'linux')('reads at most one byte more than a file claims', async () => {
    // Files in /proc claim a size of 0 and have content: what is read stays bounded.
    expect((await readRegularFile('/proc/self/status', 1024)).length).toBeLessThanOrEqual(1);
  });

  it('reports a missing file with its system error', async () => {
    await expect(readRegularFile(join(fresh(), 'none'), 10)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('parseTempSibling', () => {
  it('reads back what tempSibling wrote, and nothing else', () => {
    const path = join(fresh(), 'model');
    for (const kind of ['tmp', 'old', 'trash'] as const) {
      expect(parseTempSibling(basename(tempSibling(path, kind)), 'model')).toEqual({
        kind,
        pid: process.pid,
      });
    }
    expect(parseTempSibling('.model.old-12-0badcafe', 'model')).toEqual({ kind: 'old', pid: 12 });
    expect(parseTempSibling('.model.old-12-0badcafe', 'other')).toBeNull();
    expect(parseTempSibling('model', 'model')).toBeNull();
    expect(parseTempSibling('.model.new-12-0badcafe', 'model')).toBeNull();
    expect(parseTempSibling('.model.tmp-1-0badcafe.old-2-0badcafe', 'model')).toBeNull();
  });
});
