// Calls the host's API from inside the page, over a WebSocket of the page's own origin (so the
// Origin and token checks pass as they do for the app). Requests carry no typed arrays here, so
// the wire format (shared/wire.ts) reduces to [u32 header length][JSON header]; typed arrays in
// answers come back as their tags ({ $typed, o, n }).
import type { Page } from '@playwright/test';

export type PageAnswer =
  { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

/** Sends one request from the page and resolves with the host's answer. */
export function invokeFromPage(page: Page, name: string, arg?: unknown): Promise<PageAnswer> {
  return page.evaluate(
    ({ name, arg }) =>
      new Promise<PageAnswer>((resolve, reject) => {
        const token = new URLSearchParams(location.search).get('token') ?? '';
        const ws = new WebSocket(`ws://${location.host}/api?token=${token}`);
        ws.binaryType = 'arraybuffer';
        ws.onerror = () => reject(new Error('WebSocket refused'));
        ws.onopen = () => {
          const header = new TextEncoder().encode(JSON.stringify({ t: 'req', id: 1, name, arg }));
          const frame = new Uint8Array(4 + header.length);
          new DataView(frame.buffer).setUint32(0, header.length, true);
          frame.set(header, 4);
          ws.send(frame);
        };
        ws.onmessage = (ev: MessageEvent<ArrayBuffer>) => {
          const length = new DataView(ev.data).getUint32(0, true);
          const msg = JSON.parse(new TextDecoder().decode(new Uint8Array(ev.data, 4, length))) as {
            t: string;
          } & PageAnswer;
          if (msg.t !== 'res') return;
          ws.close();
          resolve(msg.ok ? { ok: true, result: msg.result } : { ok: false, error: msg.error });
        };
      }),
    { name, arg },
  );
}
