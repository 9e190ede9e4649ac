// Playwright fixtures: the real app through the loopback host, started from the build in dist/
// (run `npm run build` first; `npm test` and `npm run test:e2e` do). Specs import `test` and
// `expect` from here; `page` is already at the app URL (token included).
//
//   import { test, expect } from './fixtures';
//   test('shows the map', async ({ page }) => { await expect(page.getByRole('button', { name: 'Train' })).toBeVisible(); });
//
// Options: `test.use({ hostArgs: ['--models-dir', 'none'] })` starts a host without bundled models.
// One host per spec file: its tests share the host (and its current model) in file order, but no
// file sees what another left behind (a trained model, a run), whatever order the files run in.
// Dialogs: every dialog the page opens fails the test unless the test answers it with
// `dialogs.answer('accept' | 'dismiss', action)` (see e2e/dialogs.ts).
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Dialogs } from './dialogs';

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
  /** The host of this spec file. */
  host: AppHost;
  /** The page's dialogs: answer the ones the test expects; any other fails the test. */
  dialogs: Dialogs;
  /**
   * Stops this file's host and starts it again on the same data folder (as a user quitting and
   * relaunching the app); answers the new host (its URL differs: another port and token).
   */
  restartHost: () => Promise<AppHost>;
}

interface WorkerFixtures {
  /** Extra arguments for `start.cjs --no-window` (a worker option). */
  hostArgs: string[];
  /** Starts a host for each spec file this Playwright worker runs. */
  hostPerFile: HostPerFile;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  hostArgs: [[], { option: true, scope: 'worker' }],
  hostPerFile: [
    async ({ hostArgs }, use) => {
      const hosts = new HostPerFile(hostArgs);
      await use(hosts);
      await hosts.stop();
    },
    { scope: 'worker' },
  ],
  host: async ({ hostPerFile }, use, testInfo) => {
    await use(await hostPerFile.forFile(testInfo.file));
  },
  restartHost: async ({ hostPerFile }, use, testInfo) => {
    await use(() => hostPerFile.restart(testInfo.file));
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  pageErrors: async ({}, use) => {
    await use([]);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  dialogs: async ({}, use) => {
    await use(new Dialogs());
  },
  page: async ({ page, host, pageErrors, dialogs }, use) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('dialog', (dialog) => dialogs.handle(dialog));
    await page.goto(host.url);
    await use(page);
    dialogs.check();
  },
});

export { expect };
export type { Page };

/**
 * The host of the spec file running now: started when a test of a new file asks for it.
 * Why a fresh host rather than a reset through the API: it starts in about a second, and it also
 * clears what a reset could not (a run a failed test left going, a host without bundled models).
 */
class HostPerFile {
  private current: { file: string; child: ChildProcess; host: AppHost; dataDir: string } | null = null;

  constructor(private readonly args: string[]) {}

  async forFile(file: string): Promise<AppHost> {
    if (this.current?.file === file) return this.current.host;
    await this.stop();
    // Each file's host keeps its preferences in a folder of its own (not the user's ~/.config).
    const dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
    const { child, host } = await startHost(['--data-dir', dataDir, ...this.args]);
    this.current = { file, child, host, dataDir };
    return host;
  }

  /** The same file's host, stopped and started again on its data folder. */
  async restart(file: string): Promise<AppHost> {
    const dataDir = this.current?.file === file ? this.current.dataDir : null;
    if (!dataDir) throw new Error('restartHost: this file has no host yet');
    await this.stop();
    const { child, host } = await startHost(['--data-dir', dataDir, ...this.args]);
    this.current = { file, child, host, dataDir };
    return host;
  }

  async stop(): Promise<void> {
    const child = this.current?.child;
    this.current = null;
    if (child) await stopHost(child);
  }
}

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
