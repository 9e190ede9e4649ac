import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { describeFileError, writeFileAtomic } from './files';

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
