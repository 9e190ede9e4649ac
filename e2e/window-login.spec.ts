// The browser-window path of `npm start`, in a real Chromium: the window is started with a one-time
// URL (its command line is readable by every local user, so it never carries the session token),
// the first load trades the code for the session cookie, and the app's page and WebSocket then
// work on the cookie alone. A stand-in "browser" records the command line start.cjs gives it;
// Playwright's Chromium then opens that URL as the window would.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { invokeFromPage } from './page-api';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const URL_LINE = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64})$/;

let work = '';
let start: ChildProcess | null = null;

test.afterEach(async () => {
  if (start && start.exitCode === null) {
    const exited = new Promise((resolve) => start!.once('exit', resolve));
    start.kill('SIGINT');
    await exited;
  }
  start = null;
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Starts start.cjs in window mode; resolves with the token and the argv the "browser" got. */
async function startWindowMode(): Promise<{ token: string; args: string[] }> {
  work = mkdtempSync(join(tmpdir(), 'atlas-window-login-'));
  const browser = join(work, 'record-args');
  const argsFile = join(work, 'args');
  writeFileSync(
    browser,
    `#!/bin/sh\nprintf '%s\\n' "$@" > ${argsFile}.tmp\nmv ${argsFile}.tmp ${argsFile}\nexec sleep 300\n`,
  );
  chmodSync(browser, 0o755);
  start = spawn(process.execPath, [join(ROOT, 'dist/main/start.cjs'), '--browser', '--models-dir', 'none'], {
    cwd: ROOT,
    env: { ...process.env, CHROME_PATH: browser, DISPLAY: ':99' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const token = await new Promise<string>((resolve, reject) => {
    start!.once('exit', (code) => reject(new Error(`start.cjs exited (${code}) before its URL`)));
    createInterface({ input: start!.stdout! }).on('line', (line) => {
      const match = URL_LINE.exec(line);
      if (match) resolve(match[2]!);
    });
  });
  await expect.poll(() => existsSync(argsFile)).toBe(true);
  return { token, args: readFileSync(argsFile, 'utf8').split('\n') };
}

test('the window gets a one-time URL; the page and its API then work on the cookie', async ({ browser }) => {
  const { token, args } = await startWindowMode();
  expect(args.join(' ')).not.toContain(token);
  const app = args.find((arg) => arg.startsWith('--app='))!.slice('--app='.length);
  expect(app).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?code=[0-9a-f]{64}$/);

  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('console', (msg) => void (msg.type() === 'error' && pageErrors.push(msg.text())));
  await page.goto(app);
  await expect(page).toHaveTitle(/Latent Atlas/);
  // The app's own client connected on the cookie: it asked the host for its models and got none.
  await expect(page.getByRole('button', { name: /Train/ }).first()).toBeVisible();
  expect(new URL(page.url()).search).toBe(''); // redirected: the spent code is gone from the URL
  expect(await invokeFromPage(page, 'app:info')).toEqual({
    ok: true,
    result: expect.objectContaining({ mode: 'browser' }),
  });
  await page.reload();
  expect(await invokeFromPage(page, 'app:info')).toMatchObject({ ok: true });

  // Anyone else presenting the code afterwards (a process that read the command line) is refused.
  const other = await browser.newContext();
  const refused = await other.request.get(app, { maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain('one-time link was already used or has expired');
  await other.close();
  expect(pageErrors).toEqual([]);
  await context.close();
});
