// The same flows in the real Electron app, where its binary is installed. The binary is looked up
// without require('electron') (which would start a download); where it is absent the spec skips.
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../main/cli/electron-binary';
import { Dialogs } from './dialogs';
import { trainTinyModel } from './flows';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const binary = findElectronBinary(ROOT);

test.skip(
  !binary,
  'Electron binary not installed (node_modules/electron/dist is missing; `npx install-electron` fetches it where GitHub is reachable). The browser specs cover the same flows.',
);
test.skip(
  process.platform === 'linux' && !process.env.DISPLAY,
  'No display for Electron: run under xvfb-run.',
);

let app: ElectronApplication;
/** The window's dialogs: none is expected here, so any fails the test it appeared in. */
const dialogs = new Dialogs();

test.beforeAll(async () => {
  app = await electron.launch({
    executablePath: binary!,
    // Chromium refuses its sandbox as root (containers, CI); the app's own settings are unchanged.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT],
  });
  (await app.firstWindow()).on('dialog', (dialog) => dialogs.handle(dialog));
});

test.afterEach(() => {
  dialogs.check();
});

test.afterAll(async () => {
  await app?.close();
});

test('the window is isolated and sandboxed, and the preload bridge answers', async () => {
  const page = await app.firstWindow();
  await expect(page).toHaveTitle(/Latent Atlas/);
  expect(page.url()).toBe('app://atlas/index.html');
  // No Node in the page, and the bridge exposes the contract's two functions only (the options
  // themselves are asserted in main/electron/window.test.ts).
  const reach = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: Object.keys(window.atlas ?? {}).sort(),
  }));
  expect(reach).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'on'] });
  expect(await page.evaluate(() => window.open('https://example.com'))).toBeNull();
  const info = await page.evaluate(() => window.atlas!.invoke('app:info', undefined));
  expect(info).toMatchObject({ mode: 'electron', backend: 'wasm' });
  await expect(
    page.evaluate(() => window.atlas!.invoke('model:decode', { z: new Float32Array([NaN, 0]) })),
  ).rejects.toThrow(/finite number/);
});

test('a short training run streams progress into the window', async () => {
  const page = await app.firstWindow();
  const seen = await trainTinyModel(page);
  expect(seen.filter((v) => v > 0 && v < 100).length).toBeGreaterThanOrEqual(2);
});
