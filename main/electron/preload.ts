// The preload: implements the contract's AtlasApi over IPC and exposes exactly that as
// `window.atlas` through contextBridge. No other Electron or Node capability reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EVENT_NAMES,
  REQUEST_NAMES,
  type AtlasApi,
  type EventName,
  type RequestName,
} from '../../shared/api';
import type { IpcEnvelope } from './ipc';

const api: AtlasApi = {
  async invoke(name, arg) {
    // Why check here too: only the contract's channels may be reached from the page.
    if (!REQUEST_NAMES.includes(name as RequestName)) throw new Error(`Unknown request "${String(name)}"`);
    const envelope = (await ipcRenderer.invoke(name, arg)) as IpcEnvelope;
    if (envelope.ok) return envelope.result as never;
    throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
  },
  on(name, listener) {
    if (!EVENT_NAMES.includes(name as EventName)) throw new Error(`Unknown event "${String(name)}"`);
    // The IPC event object (with its sender) stays here; the page gets the payload only.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) =>
      (listener as (p: unknown) => void)(payload);
    ipcRenderer.on(name, wrapped);
    return () => {
      ipcRenderer.removeListener(name, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('atlas', api);
