// Finds Electron's binary WITHOUT require('electron'): since electron 42 that require downloads the
// binary on first use, which must not happen behind the user's back (or hang offline).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** How long the reachability probe of the download server may take. */
const PROBE_TIMEOUT_MS = 4_000;
/** How long the download itself may take (about 100 MB). */
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

/** The Electron package folder in `root`'s node_modules, or null. */
export function electronPackageDir(root: string): string | null {
  const dir = join(root, 'node_modules', 'electron');
  return existsSync(join(dir, 'package.json')) ? dir : null;
}

/**
 * The Electron executable if it is installed: `path.txt` names it inside `dist/`, as the electron
 * package's own index.js reads it (honouring ELECTRON_OVERRIDE_DIST_PATH). Null when absent.
 */
export function findElectronBinary(root: string): string | null {
  const dir = electronPackageDir(root);
  if (!dir) return null;
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist');
  const binary = join(distDir, relative);
  return relative && existsSync(binary) ? binary : null;
}

/** True when the Electron download server (ELECTRON_MIRROR or GitHub) answers within a few seconds. */
export async function canReachElectronDownloads(): Promise<boolean> {
  const url = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases';
  try {
    const res = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return res.status < 500;
  } catch {
    return false;
  }
}

/**
 * Runs the electron package's own installer (what `npx install-electron` runs), with a time limit.
 * Resolves to the binary, or to a one-line reason it is not there.
 */
export async function downloadElectron(root: string): Promise<{ binary: string } | { reason: string }> {
  const dir = electronPackageDir(root);
  if (!dir) return { reason: 'the electron package is not installed (run npm install)' };
  if (!(await canReachElectronDownloads()))
    return { reason: "Electron's binary is not installed and its download server is unreachable" };
  console.log('Downloading Electron (first start only)…');
  const child = spawn(process.execPath, [join(dir, 'install.js')], { stdio: 'inherit' });
  const timer = setTimeout(() => child.kill('SIGTERM'), DOWNLOAD_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => {
    child.on('exit', resolve);
    child.on('error', () => resolve(-1));
  });
  clearTimeout(timer);
  const binary = findElectronBinary(root);
  if (binary) return { binary };
  return { reason: `downloading Electron's binary failed (installer exit code ${String(code)})` };
}
