import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appWindowArgs, browserCandidates } from './app-window';
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

describe('app window', () => {
  it('opens the URL as an --app window with a throwaway profile, sandbox off only as root', () => {
    const args = appWindowArgs('http://127.0.0.1:5/?token=t', '/tmp/profile', false);
    expect(args).toContain('--app=http://127.0.0.1:5/?token=t');
    expect(args).toContain('--user-data-dir=/tmp/profile');
    expect(args).not.toContain('--no-sandbox');
    expect(appWindowArgs('u', '/tmp/p', true)).toContain('--no-sandbox');
  });

  it('looks for Chromium, Chrome or Edge where each platform installs them, CHROME_PATH first', () => {
    expect(browserCandidates('linux', { CHROME_PATH: '/opt/chrome' })[0]).toBe('/opt/chrome');
    expect(browserCandidates('linux', {})).toContain('/usr/bin/chromium');
    expect(browserCandidates('darwin', {})[0]).toContain('Google Chrome.app');
    expect(browserCandidates('win32', { PROGRAMFILES: 'C:\\PF' }).some((p) => p.endsWith('chrome.exe'))).toBe(
      true,
    );
  });
});
