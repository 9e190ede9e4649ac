// Without Electron, a Chromium-family browser in --app mode gives a desktop-looking window onto the
// host: no tabs or address bar, and a throwaway profile so it touches none of the user's data.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/** Command-line flags for an --app window onto `url` with the throwaway profile `profileDir`. */
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
  /** Closes the window (its whole process group) and removes the throwaway profile. */
  close(): void;
}

/** Opens `url` in an --app window of `browser`. */
export function openAppWindow(browser: string, url: string): AppWindow {
  const profileDir = mkdtempSync(join(tmpdir(), 'latent-atlas-browser-'));
  const isRoot = process.getuid?.() === 0;
  // detached: its own process group, so close() reaches every Chromium helper process.
  const child = spawn(browser, appWindowArgs(url, profileDir, isRoot), { stdio: 'ignore', detached: true });
  let closed = false;
  return {
    child,
    close() {
      if (closed) return;
      closed = true;
      try {
        if (child.pid && child.exitCode === null) {
          if (process.platform === 'win32') child.kill();
          else process.kill(-child.pid, 'SIGTERM');
        }
      } catch {
        // already gone
      }
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
