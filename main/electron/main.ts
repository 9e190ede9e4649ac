// The Electron main process, lifecycle only: register the app:// scheme, harden every web contents,
// then on ready start the engine and the service, wire IPC, the menu and the window.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { join } from 'node:path';
import type { MenuCommand } from '../../shared/api';
import { createNativeDialogs } from './dialogs';
import { createEngine } from '../engine/engine';
import { forwardEvents, isTrustedSender, registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { bundledModelsDir, rendererDir, workerPath } from '../node/paths';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './app-protocol';
import { createService, type Service } from '../service/service';
import { loadSettings } from './settings';
import { APP_URL, buildWindowOptions, denyAllPermissions, hardenWebContents } from './window';
import { errorMessage } from '../../shared/errors';

const isDev = !app.isPackaged;
let mainWindow: BrowserWindow | null = null;
let service: Service | null = null;

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Why: every renderer sandboxed, whatever options a window is created with.
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.whenReady().then(start).catch(fatal);
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  registerAppProtocol(protocol, rendererDir());
  const engine = await createEngine({ workerPath: workerPath() });
  const settings = await loadSettings(join(app.getPath('userData'), 'settings.json'));
  const dialogs = createNativeDialogs(dialog, () => mainWindow, settings, app.getPath('documents'));
  service = createService({
    engine,
    dialogs,
    mode: 'electron',
    version: app.getVersion(),
    platform: process.platform,
    bundledModelsDir: bundledModelsDir(process.resourcesPath),
  });
  registerIpc(ipcMain, service, (event) => isTrustedSender(event, mainWindow?.webContents ?? null));
  forwardEvents(service, () => mainWindow?.webContents ?? null);
  const send = (command: MenuCommand) => service?.emit('menu:command', { command });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({ isMac: process.platform === 'darwin', isDev, send, showAbout }),
    ),
  );
  openWindow();

  app.on('activate', () => {
    if (!mainWindow) openWindow();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void service?.dispose());
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

async function showAbout(): Promise<void> {
  const info = {
    type: 'info' as const,
    title: 'About Latent Atlas',
    message: `Latent Atlas ${app.getVersion()}`,
    detail: [
      'Watch an autoencoder discover that cylinder pictures are described by two numbers — height and radius — then explore its 2-D latent space.',
      '',
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    ].join('\n'),
  };
  if (mainWindow) await dialog.showMessageBox(mainWindow, info);
  else await dialog.showMessageBox(info);
}

function fatal(err: unknown): void {
  dialog.showErrorBox('Latent Atlas could not start', errorMessage(err));
  app.exit(1);
}
