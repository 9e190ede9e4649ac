// A stand-in for Chromium in tests (POSIX only), as awkward as the real one at exit: it keeps
// writing into its --user-data-dir (re-creating folders, as Chromium does) while it exits slowly on
// SIGTERM, and it starts a helper process in its group that outlives it by a little more. A profile
// removed before both have stopped fails with ENOTEMPTY or comes back.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FakeBrowser {
  /** The executable to pass as the browser (or CHROME_PATH). */
  path: string;
  /** What the fake reported once running, or null before. */
  info(): FakeBrowserInfo | null;
}

export interface FakeBrowserInfo {
  pid: number;
  helperPid: number;
  /** Its command-line arguments. */
  args: string[];
  profileDir: string;
}

export interface FakeBrowserOptions {
  /** ms the main process goes on writing after SIGTERM (default 300). */
  exitDelayMs?: number;
  /** Ignore SIGTERM altogether (only SIGKILL ends it). */
  ignoreTerm?: boolean;
}

/** Writes a fake browser into `dir`. */
export function writeFakeBrowser(dir: string, options: FakeBrowserOptions = {}): FakeBrowser {
  const path = join(dir, 'fake-chromium');
  const infoFile = join(dir, 'fake-chromium.json');
  const exitDelayMs = options.exitDelayMs ?? 300;
  writeFileSync(
    path,
    `#!${process.execPath}
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const isHelper = process.argv[2] === '--fake-helper';
const profileDir = process.argv.find((a) => a.startsWith('--user-data-dir=')).slice('--user-data-dir='.length);
let n = 0;
const write = () => {
  try {
    const dir = path.join(profileDir, 'Default', isHelper ? 'GPUCache' : 'Cache');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, String(n++)), 'x'.repeat(1000));
  } catch {}
};
setInterval(write, 5);
const exitAfter = (ms) => setTimeout(() => process.exit(0), ms);
if (isHelper) {
  process.on('SIGTERM', () => exitAfter(${exitDelayMs * 2}));
  process.stdout.write('ready');
} else {
  process.on('SIGTERM', () => ${options.ignoreTerm ? '{}' : `exitAfter(${exitDelayMs})`});
  const helper = spawn(process.execPath, [__filename, '--fake-helper', ...process.argv.slice(2)], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  // Reported only once the helper handles SIGTERM, so a test never stops it half-started.
  helper.stdout.once('data', () => {
    write();
    const info = { pid: process.pid, helperPid: helper.pid, args: process.argv.slice(2), profileDir };
    fs.writeFileSync(${JSON.stringify(infoFile)} + '.tmp', JSON.stringify(info));
    fs.renameSync(${JSON.stringify(infoFile)} + '.tmp', ${JSON.stringify(infoFile)});
  });
}
`,
  );
  chmodSync(path, 0o755);
  return {
    path,
    info: () =>
      existsSync(infoFile) ? (JSON.parse(readFileSync(infoFile, 'utf8')) as FakeBrowserInfo) : null,
  };
}
