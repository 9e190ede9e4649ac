// The main window's security, as pure functions of Electron objects (type imports only, so tests
// need no Electron): isolated, sandboxed renderer without Node; navigation, new windows, webviews
// and permission requests refused; only our app:// origin is trusted.
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/** The scheme and host the renderer is served from (see app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'atlas';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Options of the main window. `isDev` only decides whether dev tools can open. */
export function buildWindowOptions(options: {
  preloadPath: string;
  isDev: boolean;
}): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'Latent Atlas',
    backgroundColor: '#101418',
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      // Why: the page's scripts must never reach Node or Electron; the preload's bridge is all they get.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.isDev,
    },
  };
}

/** True for URLs of our own renderer (app://atlas/…). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Locks a web contents to our renderer: no navigation or redirect elsewhere, no new windows, no
 * webviews. Called for every web contents Electron creates.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Refuses every permission (camera, notifications, geolocation, …): the app needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
