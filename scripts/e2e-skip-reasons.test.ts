// The README promises that the Electron spec, where it cannot run, is skipped "with the reason":
// run it through Playwright as `npm test` does and read what it prints. Where the Electron binary
// and a display are both present the spec runs for real and there is no reason to print.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../main/cli/electron-binary';

const ROOT = join(__dirname, '..');
const canRun = findElectronBinary(ROOT) !== null && (process.platform !== 'linux' || !!process.env.DISPLAY);

describe('the skipped Electron spec', () => {
  it.skipIf(canRun)(
    'prints why it was skipped',
    () => {
      const out = execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', 'e2e/electron.spec.ts'],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '' } },
      );
      expect(out).toMatch(/2 skipped/);
      expect(out).toMatch(
        /Skipped 2 tests in e2e\/electron\.spec\.ts: (Electron binary not installed|No display for Electron)/,
      );
    },
    60_000,
  );
});
