// Without Electron, a Chromium-family browser in --app mode gives a desktop-looking window onto the
// host: no tabs or address bar, and a throwaway profile so it touches none of the user's data.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../../shared/errors';
import { endProcessGroup, type EndTiming } from './process-group';

/** Chromium flushes its profile on SIGTERM; a few seconds, then it is killed. */
const CLOSE_TIMING: EndTiming = { graceMs: 5_000, killWaitMs: 2_000 };

/** Chromium, Chrome or Edge executables to try, in order, for this platform (CHROME_PATH first). */
export function browserCandidates(platform = process.platform, env = process.env): string[] {
  const fromEnv = env.CHROME_PATH ? [env.CHROME_PATH] : [];
  if (platform === 'darwin') {
    return [
      ...fromEnv,
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean) as string[];
    return [
      ...fromEnv,
      ...roots.map((r) => join(r, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots.map((r) => join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
    ];
  }
  return [
    ...fromEnv,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
  ];
}

/** The first installed browser that can open an --app window, or null. */
export function findAppBrowser(): string | null {
  return browserCandidates().find((path) => existsSync(path)) ?? null;
}

/**
 * Command-line flags for an --app window onto `url` with the throwaway profile `profileDir`.
 * Every local user can read them (ps, /proc): `url` must carry no lasting secret (Host.oneTimeUrl).
 */
export function appWindowArgs(url: string, profileDir: string, isRoot: boolean): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--window-size=1360,860',
    // Why: WebGL through SwiftShader where there is no GPU (VMs, CI); harmless elsewhere.
    '--enable-unsafe-swiftshader',
    // Chromium refuses to start as root with its sandbox on; --test-type hides the warning bar.
    ...(isRoot ? ['--no-sandbox', '--test-type'] : []),
  ];
}

export interface AppWindow {
  child: ChildProcess;
  /** The throwaway profile (removed by close()). */
  profileDir: string;
  /**
   * Closes the window, waits until every process of it has exited, then removes the profile.
   * Never rejects: a profile it cannot remove is reported in one line. Later calls share the first.
   */
  close(): Promise<void>;
}

/** Opens `url` in an --app window of `browser`; `timing` for tests. */
export function openAppWindow(browser: string, url: string, timing = CLOSE_TIMING): AppWindow {
  const profileDir = mkdtempSync(join(tmpdir(), 'latent-atlas-browser-'));
  const isRoot = process.getuid?.() === 0;
  // detached: its own process group, so close() reaches every Chromium helper process.
  const child = spawn(browser, appWindowArgs(url, profileDir, isRoot), { stdio: 'ignore', detached: true });
  let closing: Promise<void> | null = null;
  const close = async () => {
    const ended = await endProcessGroup(child, timing);
    if (!ended) console.warn(`Latent Atlas: some ${browser} processes did not exit after SIGKILL.`);
    removeProfile(profileDir);
  };
  return {
    child,
    profileDir,
    close: () => (closing ??= close()),
  };
}

function removeProfile(profileDir: string): void {
  try {
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  } catch (err) {
    console.warn(`Latent Atlas: could not remove the temporary browser profile (${errorMessage(err)}).`);
  }
}
