import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { REQUEST_NAMES } from '../../shared/api';
import { ApiRequestError } from '../../shared/validate';
import { forwardEvents, isTrustedSender, registerIpc, setupIpc, type IpcEnvelope } from './ipc';

type Handler = (event: IpcMainInvokeEvent, arg: unknown) => Promise<IpcEnvelope>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, h: Handler) => handlers.set(channel, h),
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}

const mainFrame = { url: 'app://atlas/index.html' };
const window = { mainFrame } as unknown as WebContents;
const event = (patch: Partial<{ sender: unknown; senderFrame: unknown }> = {}) =>
  ({ sender: window, senderFrame: mainFrame, ...patch }) as unknown as IpcMainInvokeEvent;

describe('registerIpc', () => {
  it('handles every request of the contract on its own channel, and removes them all', () => {
    const ipcMain = fakeIpcMain();
    const off = registerIpc(ipcMain as never, { invoke: vi.fn() }, () => true);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...REQUEST_NAMES].sort());
    off();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('refuses untrusted senders before the service sees anything', async () => {
    const ipcMain = fakeIpcMain();
    const invoke = vi.fn();
    registerIpc(ipcMain as never, { invoke }, (e) => isTrustedSender(e, window));
    const answer = await ipcMain.handlers.get('app:info')!(event({ sender: {} }), undefined);
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-available' }) });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('returns results and errors as envelopes', async () => {
    const ipcMain = fakeIpcMain();
    const invoke = vi.fn(async (name: unknown) => {
      if (name === 'train:start')
        throw new ApiRequestError('invalid-argument', 'train:start.config.epochs is missing');
      return { version: '1' };
    });
    registerIpc(ipcMain as never, { invoke }, () => true);
    expect(await ipcMain.handlers.get('app:info')!(event(), undefined)).toEqual({
      ok: true,
      result: { version: '1' },
    });
    expect(await ipcMain.handlers.get('train:start')!(event(), {})).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'train:start.config.epochs is missing' },
    });
  });
});

describe('isTrustedSender', () => {
  it('trusts only our window main frame showing app://atlas', () => {
    expect(isTrustedSender(event(), window)).toBe(true);
    expect(isTrustedSender(event(), null)).toBe(false);
    expect(isTrustedSender(event({ sender: {} }), window)).toBe(false);
    expect(isTrustedSender(event({ senderFrame: null }), window)).toBe(false);
    expect(isTrustedSender(event({ senderFrame: { url: 'app://atlas/x' } }), window)).toBe(false);
    const navigatedAway = { mainFrame: { url: 'https://evil.example/' } } as unknown as WebContents;
    expect(
      isTrustedSender(event({ sender: navigatedAway, senderFrame: navigatedAway.mainFrame }), navigatedAway),
    ).toBe(false);
  });
});

describe('forwardEvents', () => {
  it('sends service events to the live window only', () => {
    let listener: ((name: string, payload: unknown) => void) | null = null;
    const service = { on: (l: never) => ((listener = l), () => {}) };
    const send = vi.fn();
    let destroyed = false;
    const contents = { send, isDestroyed: () => destroyed } as unknown as WebContents;
    forwardEvents(service as never, () => contents);
    listener!('menu:command', { command: 'save-image' });
    destroyed = true;
    listener!('menu:command', { command: 'about' });
    expect(send.mock.calls).toEqual([['menu:command', { command: 'save-image' }]]);
  });
});

describe('setupIpc', () => {
  it('trusts only the window open now, and forwards events to it', async () => {
    const ipcMain = fakeIpcMain();
    const invoke = vi.fn(async () => ({ version: '1' }));
    let listener: ((name: string, payload: unknown) => void) | null = null;
    const send = vi.fn();
    const contents = { mainFrame, send, isDestroyed: () => false } as unknown as WebContents;
    let current: WebContents | null = null;
    setupIpc(
      ipcMain as never,
      { invoke, on: (l: never) => ((listener = l), () => {}) } as never,
      () => current,
    );
    const fromWindow = event({ sender: contents, senderFrame: mainFrame });
    expect(await ipcMain.handlers.get('app:info')!(fromWindow, undefined)).toMatchObject({ ok: false });
    current = contents;
    expect(await ipcMain.handlers.get('app:info')!(fromWindow, undefined)).toEqual({
      ok: true,
      result: { version: '1' },
    });
    listener!('menu:command', { command: 'about' });
    expect(send).toHaveBeenCalledWith('menu:command', { command: 'about' });
  });
});
