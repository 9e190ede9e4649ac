import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { appWindowArgs, browserCandidates, openAppWindow, type AppWindow } from './chromium-window';
import { writeFakeBrowser } from './fake-browser.test-util';
import { groupAlive } from './process-group';

const work = mkdtempSync(join(tmpdir(), 'atlas-window-'));
/** Windows a failing test may leave open: closed afterwards. */
const opened: AppWindow[] = [];
afterAll(async () => {
  await Promise.all(opened.map((window) => window.close()));
  rmSync(work, { recursive: true, force: true });
});

describe('app window', () => {
  it('opens the URL as an --app window with a throwaway profile, sandbox off only as root', () => {
    const args = appWindowArgs('http://127.0.0.1:5/?code=c', '/tmp/profile', false);
    expect(args).toContain('--app=http://127.0.0.1:5/?code=c');
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

describe.skipIf(process.platform === 'win32')('closing the app window', () => {
  /** Opens a window of a fake browser (see fake-browser.test-util.ts) and waits until it runs. */
  async function open(name: string, options: Parameters<typeof writeFakeBrowser>[1] = {}) {
    const dir = join(work, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const fake = writeFakeBrowser(dir, options);
    const window = openAppWindow(fake.path, 'http://127.0.0.1:1/?code=c', {
      graceMs: 3_000,
      killWaitMs: 2_000,
    });
    opened.push(window);
    await vi.waitFor(() => expect(fake.info()).not.toBeNull(), { timeout: 10_000 });
    return { window, info: fake.info()! };
  }

  it('waits for every browser process to exit, then removes the profile, quietly', async () => {
    const warn = vi.spyOn(console, 'warn');
    const { window, info } = await open('slow-exit');
    expect(info.profileDir).toBe(window.profileDir);
    expect(existsSync(window.profileDir)).toBe(true);
    await window.close();
    expect(groupAlive(info.pid)).toBe(false);
    expect(existsSync(window.profileDir)).toBe(false);
    // Nothing left to write it back.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(window.profileDir)).toBe(false);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('kills a browser that ignores SIGTERM, then removes the profile; close() twice is one close', async () => {
    const { window, info } = await open('stubborn', { ignoreTerm: true });
    const t0 = Date.now();
    const [a, b] = [window.close(), window.close()];
    expect(a).toBe(b);
    await a;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(3_000);
    expect(groupAlive(info.pid)).toBe(false);
    expect(existsSync(window.profileDir)).toBe(false);
  });

  it('removes the profile when the browser has already exited, and when it never started', async () => {
    const { window, info } = await open('gone');
    process.kill(-info.pid, 'SIGKILL');
    await window.close();
    expect(existsSync(window.profileDir)).toBe(false);

    const missing = openAppWindow(join(work, 'no-such-browser'), 'http://127.0.0.1:1/');
    missing.child.on('error', () => {}); // ENOENT, as start.ts reports it
    await missing.close();
    expect(existsSync(missing.profileDir)).toBe(false);
  });
});
