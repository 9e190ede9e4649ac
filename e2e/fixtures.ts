// Playwright fixtures: the real app through the loopback host, started from the build in dist/
// (run `npm run build` first; `npm test` and `npm run test:e2e` do). Specs import `test` and
// `expect` from here; `page` is already at the app URL (token included).
//
//   import { test, expect } from './fixtures';
//   test('shows the map', async ({ page }) => { await expect(page.getByRole('button', { name: 'Train' })).toBeVisible(); });
//
// Options: `test.use({ hostArgs: ['--models-dir', 'none'] })` starts a host without bundled models.
// One host per Playwright worker (starting the engine takes a few seconds); specs share its model.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const START = join(ROOT, 'dist/main/start.cjs');
const URL_LINE = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]+)$/;
const START_TIMEOUT_MS = 60_000;

/** The running host, as a spec may need it (e.g. to open a second connection). */
export interface AppHost {
  /** The page URL with its token: http://127.0.0.1:PORT/?token=… */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** Everything the host printed so far (stdout and stderr). */
  log: string[];
}

interface Fixtures {
  /** Errors the page logged or threw (CSP violations included); checked empty by specs that care. */
  pageErrors: string[];
}

interface WorkerFixtures {
  /** Extra arguments for `start.cjs --no-window` (a worker option). */
  hostArgs: string[];
  host: AppHost;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  hostArgs: [[], { option: true, scope: 'worker' }],
  host: [
    async ({ hostArgs }, use) => {
      const { child, host } = await startHost(hostArgs);
      await use(host);
      await stopHost(child);
    },
    { scope: 'worker', timeout: START_TIMEOUT_MS + 10_000 },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  pageErrors: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, host, pageErrors }, use) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(host.url);
    await use(page);
  },
});

export { expect };
export type { Page };

async function startHost(extraArgs: string[]): Promise<{ child: ChildProcess; host: AppHost }> {
  for (const file of [START, join(ROOT, 'dist/renderer/index.html'), join(ROOT, 'dist/main/worker.cjs')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" before the e2e tests.`);
  }
  const child = spawn(process.execPath, [START, '--no-window', ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: '' },
  });
  const log: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => log.push(line));
  const lines = createInterface({ input: child.stdout! });
  const host = await new Promise<AppHost>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The host printed no URL in ${START_TIMEOUT_MS} ms:\n${log.join('\n')}`)),
      START_TIMEOUT_MS,
    );
    child.once('exit', (code) =>
      reject(new Error(`The host exited (code ${code}) before printing its URL:\n${log.join('\n')}`)),
    );
    lines.on('line', (line) => {
      log.push(line);
      const match = URL_LINE.exec(line);
      if (!match) return;
      clearTimeout(timer);
      const port = Number(match[1]);
      resolve({ url: line, origin: `http://127.0.0.1:${port}`, port, token: match[2]!, log });
    });
  });
  return { child, host };
}

async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
