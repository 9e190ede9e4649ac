import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

describe('findElectronBinary', () => {
  it('finds the binary that path.txt names, without loading the electron package', () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-root-'));
    const pkg = join(root, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    // index.js would download if required; this one throws to prove it is never loaded.
    writeFileSync(join(pkg, 'index.js'), 'throw new Error("required")');
    writeFileSync(join(pkg, 'package.json'), '{"name":"electron"}');
    expect(findElectronBinary(root)).toBeNull();
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary(root)).toBeNull(); // named but not downloaded
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary(root)).toBe(join(pkg, 'dist', 'electron'));
  });

  it('is null without the electron package', () => {
    expect(findElectronBinary(mkdtempSync(join(tmpdir(), 'atlas-empty-')))).toBeNull();
  });
});
