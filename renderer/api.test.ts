// @vitest-environment jsdom
// The browser client of the host (createBrowserApi) against a fake WebSocket and a fake timer that
// the tests drive by hand: open, close, answer, and run the reconnect timer.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeMessage, encodeMessage, type WireMessage, type WireRequest } from '../shared/wire';

const { FakeSocket } = vi.hoisted(() => {
  /** A socket that records what the client sends; the test opens, closes and answers it. */
  class FakeSocket {
    static all: FakeSocket[] = [];
    binaryType: BinaryType = 'blob';
    readyState = 0;
    sent: Uint8Array[] = [];
    onopen: ((ev: Event) => void) | null = null;
    onmessage: ((ev: MessageEvent<ArrayBuffer>) => void) | null = null;
    onclose: ((ev: CloseEvent) => void) | null = null;
    constructor(readonly url: string) {
      FakeSocket.all.push(this);
    }
    send(frame: Uint8Array): void {
      if (this.readyState !== 1) throw new Error('send on a socket that is not open');
      this.sent.push(frame);
    }
    open(): void {
      this.readyState = 1;
      this.onopen?.(new Event('open'));
    }
    close(): void {
      this.readyState = 3;
      this.onclose?.(new Event('close') as CloseEvent);
    }
    deliver(msg: WireMessage): void {
      const frame = encodeMessage(msg);
      this.onmessage?.({ data: frame.buffer } as MessageEvent<ArrayBuffer>);
    }
  }
  // The module builds its page client at import: give it this fake instead of a real socket.
  vi.stubGlobal('WebSocket', FakeSocket);
  return { FakeSocket };
});

import { createBrowserApi } from './api';

/** The requests a socket carried, decoded. */
function requests(socket: InstanceType<typeof FakeSocket>): WireRequest[] {
  return socket.sent.map((frame) => decodeMessage(frame) as WireRequest);
}

function lastSocket(): InstanceType<typeof FakeSocket> {
  const socket = FakeSocket.all[FakeSocket.all.length - 1];
  if (!socket) throw new Error('no socket was opened');
  return socket;
}

/** A client over fake sockets whose reconnect timer runs only when the test says so. */
function setup() {
  const timers: { run: () => void; delayMs: number }[] = [];
  FakeSocket.all = [];
  const api = createBrowserApi({
    url: 'ws://host.test/api?token=t',
    openSocket: (url) => new FakeSocket(url),
    setTimeout: (run, delayMs) => timers.push({ run, delayMs }),
  });
  /** Runs the timer set last, as the clock would once its delay passed. */
  const runTimer = () => {
    const timer = timers[timers.length - 1];
    if (!timer) throw new Error('no timer is set');
    timer.run();
  };
  return { api, timers, runTimer };
}

beforeEach(() => {
  FakeSocket.all = [];
});

describe('the page client', () => {
  it('connects to /api on the page origin with the page token', () => {
    window.history.replaceState(null, '', '/?token=a%2Bb');
    createBrowserApi();
    expect(lastSocket().url).toBe(`ws://${location.host}/api?token=a%2Bb`);
    expect(lastSocket().binaryType).toBe('arraybuffer');
  });
});

describe('calls', () => {
  it('queues frames sent before the socket opens and sends them in order once it opens', async () => {
    const { api } = setup();
    const socket = lastSocket();
    const info = api.invoke('app:info', undefined);
    const current = api.invoke('model:current', undefined);
    const use = api.invoke('model:use-bundled', { id: 'aligned' });
    expect(socket.sent).toHaveLength(0);

    socket.open();
    const sent = requests(socket);
    expect(sent.map((r) => r.name)).toEqual(['app:info', 'model:current', 'model:use-bundled']);
    expect(sent[2]!.arg).toEqual({ id: 'aligned' });
    expect(new Set(sent.map((r) => r.id)).size).toBe(3);

    // Answers in another order still reach their own callers.
    socket.deliver({ t: 'res', id: sent[2]!.id, ok: true, result: 'third' });
    socket.deliver({ t: 'res', id: sent[0]!.id, ok: true, result: 'first' });
    socket.deliver({ t: 'res', id: sent[1]!.id, ok: true, result: null });
    await expect(info).resolves.toBe('first');
    await expect(current).resolves.toBeNull();
    await expect(use).resolves.toBe('third');
  });

  it('sends at once on an open socket', () => {
    const { api } = setup();
    const socket = lastSocket();
    socket.open();
    void api.invoke('model:bundled', undefined);
    expect(requests(socket).map((r) => r.name)).toEqual(['model:bundled']);
  });

  it("rejects with the host's message and code when the host refuses a call", async () => {
    const { api } = setup();
    const socket = lastSocket();
    socket.open();
    const call = api.invoke('model:decode', { z: new Float32Array([0, 0]) });
    const [req] = requests(socket);
    socket.deliver({ t: 'res', id: req!.id, ok: false, error: { code: 'busy', message: 'Training now.' } });
    await expect(call).rejects.toThrow('Training now.');
    await expect(call).rejects.toMatchObject({ code: 'busy' });
  });

  it('rejects the calls pending when the socket closes, and a later call works on a new socket', async () => {
    const { api } = setup();
    const first = lastSocket();
    first.open();
    const a = api.invoke('app:info', undefined);
    const b = api.invoke('model:current', undefined);
    first.close();
    await expect(a).rejects.toThrow('Lost the connection to the Latent Atlas host. Is it still running?');
    await expect(b).rejects.toThrow('Lost the connection to the Latent Atlas host');

    const later = api.invoke('model:bundled', undefined);
    expect(FakeSocket.all).toHaveLength(2);
    const second = lastSocket();
    second.open();
    const [req] = requests(second);
    expect(req!.name).toBe('model:bundled');
    second.deliver({ t: 'res', id: req!.id, ok: true, result: [] });
    await expect(later).resolves.toEqual([]);
  });

  it('never sends a call that was rejected because its socket failed before opening', async () => {
    const { api } = setup();
    const refused = lastSocket();
    const start = api.invoke('train:stop', undefined);
    refused.close();
    await expect(start).rejects.toThrow('Lost the connection');

    void api.invoke('app:info', undefined);
    const next = lastSocket();
    expect(next).not.toBe(refused);
    next.open();
    expect(requests(next).map((r) => r.name)).toEqual(['app:info']);
  });
});

describe('events and reconnecting', () => {
  it('delivers events to the listeners of their name until they unsubscribe', () => {
    const { api } = setup();
    const socket = lastSocket();
    socket.open();
    const changed: unknown[] = [];
    const changedToo: unknown[] = [];
    const failed: unknown[] = [];
    const off = api.on('model:changed', (m) => changed.push(m));
    api.on('model:changed', (m) => changedToo.push(m));
    api.on('train:failed', (f) => failed.push(f));

    socket.deliver({ t: 'evt', name: 'model:changed', payload: { n: 1 } });
    expect(changed).toEqual([{ n: 1 }]);
    expect(changedToo).toEqual([{ n: 1 }]);
    expect(failed).toEqual([]);

    off();
    socket.deliver({ t: 'evt', name: 'model:changed', payload: { n: 2 } });
    expect(changed).toEqual([{ n: 1 }]);
    expect(changedToo).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('keeps a newer listener when a spent unsubscribe is called again', () => {
    const { api } = setup();
    const socket = lastSocket();
    socket.open();
    const seen: unknown[] = [];
    const off = api.on('train:epoch', () => undefined);
    off();
    api.on('train:epoch', (e) => seen.push(e));
    off();
    socket.deliver({ t: 'evt', name: 'train:epoch', payload: 7 });
    expect(seen).toEqual([7]);
  });

  it('reconnects while anyone listens, each failure waiting longer up to a cap, and delivers events again', () => {
    const { api, timers, runTimer } = setup();
    const seen: unknown[] = [];
    api.on('train:progress', (p) => seen.push(p));
    lastSocket().open();

    for (let attempt = 0; attempt < 7; attempt++) {
      const before = FakeSocket.all.length;
      lastSocket().close();
      expect(FakeSocket.all).toHaveLength(before); // nothing before the delay has passed
      runTimer();
      expect(FakeSocket.all).toHaveLength(before + 1);
    }
    expect(timers.map((t) => t.delayMs)).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);

    // Once a socket opens, the next loss starts again from the shortest delay.
    const socket = lastSocket();
    socket.open();
    socket.deliver({ t: 'evt', name: 'train:progress', payload: 'back' });
    expect(seen).toEqual(['back']);
    socket.close();
    expect(timers[timers.length - 1]!.delayMs).toBe(250);
  });

  it('does not reconnect by itself once nobody listens', () => {
    const { api, timers } = setup();
    const off = api.on('train:finished', () => undefined);
    lastSocket().open();
    off();
    lastSocket().close();
    expect(timers).toHaveLength(0);
    expect(FakeSocket.all).toHaveLength(1);
  });
});
