// Runs the built preload (dist/main/preload.cjs) the way Electron runs a sandboxed preload: as a
// function of (require, process, Buffer, global, setImmediate, clearImmediate, exports, module)
// with no __filename and a require that knows only a few modules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { AtlasApi } from '../../shared/api';

const PRELOAD = join(__dirname, '..', '..', 'dist', 'main', 'preload.cjs');

function runSandboxedPreload() {
  const exposed: Record<string, unknown> = {};
  const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    ipcRenderer,
  };
  const sandboxRequire = (name: string) => {
    if (name === 'electron') return electron;
    if (name === 'events' || name === 'timers' || name === 'url') return {};
    throw new Error(`module not found: ${name}`);
  };
  const module = { exports: {} };
  const fn = new Function(
    'require',
    'process',
    'Buffer',
    'global',
    'setImmediate',
    'clearImmediate',
    'exports',
    'module',
    readFileSync(PRELOAD, 'utf8'),
  );
  fn(sandboxRequire, {}, Buffer, {}, setImmediate, clearImmediate, module.exports, module);
  return { exposed, ipcRenderer };
}

describe('preload (built)', () => {
  it('runs in a sandboxed preload and exposes only invoke and on as window.atlas', () => {
    const { exposed } = runSandboxedPreload();
    expect(Object.keys(exposed)).toEqual(['atlas']);
    expect(Object.keys(exposed.atlas as object).sort()).toEqual(['invoke', 'on']);
  });

  it('routes requests to their channel, unwraps answers, and refuses unknown names', async () => {
    const { exposed, ipcRenderer } = runSandboxedPreload();
    const api = exposed.atlas as AtlasApi;
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, result: { version: '1' } });
    expect(await api.invoke('app:info', undefined)).toEqual({ version: '1' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('app:info', undefined);
    ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'busy', message: 'Stop the training run first.' },
    });
    await expect(api.invoke('train:start', { config: {} as never })).rejects.toMatchObject({
      message: 'Stop the training run first.',
      code: 'busy',
    });
    await expect(api.invoke('shell:exec' as never, undefined as never)).rejects.toThrow('Unknown request');
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(2);
  });

  it('subscribes to contract events only, hands listeners the payload alone, and unsubscribes', () => {
    const { exposed, ipcRenderer } = runSandboxedPreload();
    const api = exposed.atlas as AtlasApi;
    const listener = vi.fn();
    const off = api.on('train:progress', listener);
    const [channel, wrapped] = ipcRenderer.on.mock.calls[0] as [string, (e: unknown, p: unknown) => void];
    expect(channel).toBe('train:progress');
    wrapped({ sender: 'secret' }, { epoch: 1 });
    expect(listener).toHaveBeenCalledWith({ epoch: 1 });
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('train:progress', wrapped);
    expect(() => api.on('ipc:raw' as never, vi.fn())).toThrow('Unknown event');
  });
});
