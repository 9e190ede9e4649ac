// The Electron fuses electron.config.ts asks for are the ones the packaged binary gets: electron-builder
// --dir with `electronDist` pointing at a stub "Electron" that carries a fuse wire as Electron ships it
// (the real binary cannot be downloaded here, see ENVIRONMENT.md), then the wire is read back from the
// packaged executable. Needs the build, which the Vitest global setup makes.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../electron.config';

const ROOT = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'atlas-fuses-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Where a fuse wire starts in an Electron binary (@electron/fuses' sentinel), then version, length. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The fuses of wire version 1, in wire order. */
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
/** Electron's defaults as its binary ships them ('1' on, '0' off). */
const SHIPPED_WIRE = '10110001';

function stubElectron(dir: string): void {
  mkdirSync(dir);
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\nexit 0\n#'),
    Buffer.from(SENTINEL),
    Buffer.from([1, SHIPPED_WIRE.length]),
    Buffer.from(SHIPPED_WIRE),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), wire);
  chmodSync(join(dir, 'electron'), 0o755);
}

/** Each fuse of the binary at `path`: true on, false off. */
function readFuses(path: string): Record<(typeof FUSES)[number], boolean> {
  const binary = readFileSync(path);
  const at = binary.indexOf(SENTINEL) + SENTINEL.length;
  expect(at).toBeGreaterThanOrEqual(SENTINEL.length);
  expect(binary[at + 1]).toBe(FUSES.length);
  const wire = binary.subarray(at + 2, at + 2 + FUSES.length).toString('latin1');
  return Object.fromEntries(FUSES.map((name, i) => [name, wire[i] === '1'])) as Record<
    (typeof FUSES)[number],
    boolean
  >;
}

describe('Electron fuses (electron.config.ts)', () => {
  beforeAll(() => {
    for (const file of ['dist/main/app.cjs', 'dist/renderer/index.html']) {
      if (!existsSync(join(ROOT, file)))
        throw new Error(`${file} is missing: run \`npm run build\` first (the package needs the build).`);
    }
  });

  it('asks for asar integrity validation, with the hash embedded, and no file:// privileges', () => {
    expect(config.electronFuses).toMatchObject({
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Why: with the fuse on and no embedded header hash, a macOS or Windows build would not start.
    expect(config.disableAsarIntegrity).toBeFalsy();
    expect(config.asar).not.toBe(false);
  });

  it('flips them in the packaged executable', async () => {
    const stub = join(work, 'electron-stub');
    stubElectron(stub);
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir'),
      config: { ...config, electronDist: stub, directories: { output: join(work, 'out') } },
      publish: 'never',
    });
    const executable = join(work, 'out', 'linux-unpacked', config.linux?.executableName ?? 'latent-atlas');
    expect(readFuses(executable)).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false, // not set: Electron's default stays
      grantFileProtocolExtraPrivileges: false,
    });
  }, 180_000);
});
