// The Electron main process, as a table of contents (Fiddle's onReady): before `ready`, the app://
// scheme and the sandbox; on `ready`, one setupX() per feature, each from that feature's own file.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { join } from 'node:path';
import { createEngine } from '../engine/engine';
import { bundledModelsDir, rendererDir, workerPath } from '../node/paths';
import { createService, type Service } from '../service/service';
import type { Prefs } from '../../shared/api';
import { localeFor } from '../../shared/i18n/locale';
import { errorMessage } from '../../shared/errors';
import { showAbout } from './about';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './app-protocol';
import { createNativeDialogs } from './dialogs';
import { setupIpc } from './ipc';
import { setupMenu } from './menu';
import { loadSettings } from './settings';
import { APP_URL, buildWindowOptions, denyAllPermissions, hardenWebContents } from './window';

const isDev = !app.isPackaged;
let mainWindow: BrowserWindow | null = null;

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Why: every renderer sandboxed and locked to our pages, whatever options a window is created with.
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.whenReady().then(onReady).catch(fatal);
}

async function onReady(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  registerAppProtocol(protocol, rendererDir());
  let service: Service | null = null;
  // The menu speaks the app's language: rebuilt when the preferences are read and at each change.
  const installMenu = (prefs: Prefs | null) =>
    setupMenu(Menu, {
      isMac: process.platform === 'darwin',
      isDev,
      send: (command) => service?.emit('menu:command', { command }),
      showAbout: () => void showAbout(dialog, mainWindow, app.getVersion()),
      locale: prefs?.locale ?? localeFor(app.getPreferredSystemLanguages()),
      setLocale: (locale) => void service?.invoke('prefs:set', { locale }).catch(() => undefined),
    });
  installMenu(null);
  service = await setupService(installMenu);
  setupIpc(ipcMain, service, () => mainWindow?.webContents ?? null);
  openWindow();
  setupLifecycle(service);
}

/** The engine (worker thread), the settings and native dialogs, and the service over them. */
async function setupService(onPrefs: (prefs: Prefs) => void): Promise<Service> {
  const engine = await createEngine({ workerPath: workerPath() });
  const settings = await loadSettings(join(app.getPath('userData'), 'settings.json'));
  return createService({
    engine,
    dialogs: createNativeDialogs(dialog, () => mainWindow, settings, app.getPath('documents')),
    mode: 'electron',
    version: app.getVersion(),
    platform: process.platform,
    bundledModelsDir: bundledModelsDir(process.resourcesPath),
    prefsFile: join(app.getPath('userData'), 'prefs.json'),
    onPrefs,
  });
}

/** One window: reopened on macOS's dock click; quitting stops the engine. */
function setupLifecycle(service: Service): void {
  app.on('activate', () => {
    if (!mainWindow) openWindow();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void service.dispose());
}

function openWindow(): void {
  const window = new BrowserWindow(
    buildWindowOptions({ preloadPath: join(__dirname, 'preload.cjs'), isDev }),
  );
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_URL);
}

function focusWindow(): void {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
}

function fatal(err: unknown): void {
  dialog.showErrorBox('Latent Atlas could not start', errorMessage(err));
  app.exit(1);
}
