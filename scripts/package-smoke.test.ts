// Offline smoke test of the packaging configuration (electron.config.ts): electron-builder --dir
// with `electronDist` pointing at a stub "Electron" (the real one cannot be downloaded here, see
// ENVIRONMENT.md), then the app.asar it produced is listed. Needs the build, which the Vitest global
// setup makes (scripts/build-main.global-setup.ts); it fails, never skips, when the build is missing.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../electron.config';

const ROOT = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'atlas-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('electron.config.ts', () => {
  beforeAll(() => {
    for (const file of ['dist/main/app.cjs', 'dist/renderer/index.html']) {
      if (!existsSync(join(ROOT, file)))
        throw new Error(`${file} is missing: run \`npm run build\` first (the package needs the build).`);
    }
  });

  it('packs only dist/ and package.json into app.asar, with the worker and wasm unpacked', async () => {
    const stub = join(work, 'electron-stub');
    mkdirSync(stub);
    writeFileSync(join(stub, 'electron'), '#!/bin/sh\n');
    chmodSync(join(stub, 'electron'), 0o755);
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir'),
      // Fuses patch the real binary; the stub has none to patch.
      config: {
        ...config,
        electronDist: stub,
        electronFuses: null,
        directories: { output: join(work, 'out') },
      },
      publish: 'never',
    });
    const resources = join(work, 'out', 'linux-unpacked', 'resources');
    const asar = join(resources, 'app.asar');
    const files = execFileSync(join(ROOT, 'node_modules/.bin/asar'), ['list', asar], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    const megabytes = statSync(asar).size / 1e6;
    console.log(`app.asar: ${megabytes.toFixed(2)} MB, ${files.length} entries`);
    expect(files).toContain('/package.json');
    expect(files).toContain('/dist/main/app.cjs');
    expect(files).toContain('/dist/main/preload.cjs');
    expect(files).toContain('/dist/renderer/index.html');
    expect(files.some((f) => f.startsWith('/node_modules'))).toBe(false);
    expect(files).not.toContain('/dist/main/start.cjs');
    expect(
      files.some((f) => f.endsWith('.map') || f.startsWith('/main/') || f.startsWith('/renderer/')),
    ).toBe(false);
    expect(existsSync(join(resources, 'app.asar.unpacked', 'dist', 'main', 'worker.cjs'))).toBe(true);
    expect(statSync(asar).size).toBeLessThan(20e6);
    // The README quotes this figure ("about N MB"): it must stay what this test measures (±25 %).
    const stated = /`app\.asar` holds\s+only the build output\s+\(about ([\d.]+) MB/.exec(
      readFileSync(join(ROOT, 'README.md'), 'utf8'),
    );
    expect(stated, 'README.md no longer states the size of app.asar').not.toBeNull();
    expect(Math.abs(Number(stated![1]) - megabytes)).toBeLessThanOrEqual(0.25 * megabytes);
  }, 180_000);
});
