import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFileError, writeFileAtomic } from './files';

const isRoot = process.getuid?.() === 0;
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

  // Root ignores file modes, so this runs for ordinary users (CI, desktops) only.
  it.skipIf(isRoot)('fails cleanly in a read-only folder', async () => {
    const dir = fresh();
    chmodSync(dir, 0o555);
    try {
      const err = await writeFileAtomic(join(dir, 'a.png'), 'bytes').catch((e: unknown) => e);
      expect(describeFileError(err)).toMatch(/permission denied/);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      chmodSync(dir, 0o755);
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
