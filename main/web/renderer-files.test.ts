import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeType, resolveRendererFile } from './renderer-files';

describe('resolveRendererFile', () => {
  const root = mkdtempSync(join(tmpdir(), 'atlas-files-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '');
  writeFileSync(join(root, 'assets', 'app.js'), '');
  writeFileSync(join(root, '..', 'atlas-secret.txt'), 'secret');

  it('maps / to index.html and paths to files under the root', () => {
    expect(resolveRendererFile(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it('never escapes the root and refuses odd paths', () => {
    for (const path of [
      '/../atlas-secret.txt',
      '/assets/../../atlas-secret.txt',
      '/%2e%2e/atlas-secret.txt',
      '/a%00',
      '/%E0%A4%A',
      '/assets',
      '/..\\x',
    ]) {
      expect(resolveRendererFile(root, path)).toBeNull();
    }
  });
});

describe('mimeType', () => {
  it('gives the types browsers insist on', () => {
    expect(mimeType('tfjs-backend-wasm-simd.wasm')).toBe('application/wasm');
    expect(mimeType('index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('style.css')).toBe('text/css; charset=utf-8');
    expect(mimeType('blob.xyz')).toBe('application/octet-stream');
  });
});
