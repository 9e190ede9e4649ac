import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_URL, buildWindowOptions, denyAllPermissions, hardenWebContents, isAppUrl } from './window';

describe('buildWindowOptions', () => {
  it('isolates and sandboxes the renderer with no Node, and allows dev tools only in development', () => {
    const prefs = buildWindowOptions({
      preloadPath: '/app/dist/main/preload.cjs',
      isDev: false,
    }).webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(buildWindowOptions({ preloadPath: 'p', isDev: true }).webPreferences!.devTools).toBe(true);
  });
});

describe('isAppUrl', () => {
  it('trusts only app://atlas', () => {
    expect(isAppUrl(APP_URL)).toBe(true);
    expect(isAppUrl('app://atlas/assets/index.js')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://atlas/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

/** A web contents stand-in: an EventEmitter with setWindowOpenHandler. */
function fakeContents() {
  const contents = Object.assign(new EventEmitter(), {
    openHandler: null as null | ((details: { url: string }) => { action: string }),
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      contents.openHandler = handler;
    },
  });
  return contents;
}

function navigate(contents: EventEmitter, event: string, url: string): boolean {
  const e = { preventDefault: vi.fn() };
  contents.emit(event, e, url);
  return e.preventDefault.mock.calls.length === 0;
}

describe('hardenWebContents', () => {
  it('blocks navigation and redirects away from the app, window.open and webviews', () => {
    const contents = fakeContents();
    hardenWebContents(contents as unknown as WebContents);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'file:///home/user/')).toBe(false);
    expect(navigate(contents, 'will-navigate', APP_URL)).toBe(true);
    expect(navigate(contents, 'will-redirect', 'http://127.0.0.1:9/')).toBe(false);
    expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
    };
    denyAllPermissions(session as unknown as Session);
    const callback = vi.fn();
    (handlers.request as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect((handlers.check as () => boolean)()).toBe(false);
    expect((handlers.device as () => boolean)()).toBe(false);
  });
});
