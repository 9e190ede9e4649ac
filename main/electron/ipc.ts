// The Electron transport: one ipcMain handler per request of the contract, routed to the service
// (which validates every payload), and the service's events sent to the window. Requests from any
// sender other than our window's app:// page are refused.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { REQUEST_NAMES, type ApiError } from '../../shared/api';
import { toApiError } from '../../shared/validate';
import type { Service } from '../service/service';
import { isAppUrl } from './window';

/** What every handler returns: errors travel as data, so their code and message survive IPC intact. */
export type IpcEnvelope = { ok: true; result: unknown } | { ok: false; error: ApiError };

/** Registers the handlers; returns a function that removes them. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  service: Pick<Service, 'invoke'>,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(name, async (event, arg: unknown): Promise<IpcEnvelope> => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: { code: 'not-available', message: 'Refused: the request did not come from Latent Atlas.' },
        };
      }
      try {
        return { ok: true, result: await service.invoke(name, arg) };
      } catch (err) {
        return { ok: false, error: toApiError(err) };
      }
    });
  }
  return () => {
    for (const name of REQUEST_NAMES) ipcMain.removeHandler(name);
  };
}

/** True when `event` comes from `window`'s own main frame showing our app:// page. */
export function isTrustedSender(event: IpcMainInvokeEvent, window: WebContents | null): boolean {
  const frame = event.senderFrame;
  return (
    window !== null &&
    event.sender === window &&
    frame !== null &&
    frame === window.mainFrame &&
    isAppUrl(frame.url)
  );
}

/** Sends every service event to the window (if one is open); returns an unsubscribe function. */
export function forwardEvents(service: Pick<Service, 'on'>, target: () => WebContents | null): () => void {
  return service.on((name, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(name, payload);
  });
}

/**
 * The Electron transport, wired: every request handled (from our own window only) and every service
 * event forwarded to the window `currentContents()` returns (if any).
 */
export function setupIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  service: Pick<Service, 'invoke' | 'on'>,
  currentContents: () => WebContents | null,
): void {
  registerIpc(ipcMain, service, (event) => isTrustedSender(event, currentContents()));
  forwardEvents(service, currentContents);
}
