import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeMessage, encodeMessage } from '../../shared/wire';
import { ApiRequestError } from '../../shared/validate';
import type { Service, ServiceListener } from '../service/service';
import { startHost, type Host } from './server';

/** A service stand-in: echoes decode requests and lets the test emit events. */
function echoService() {
  const listeners = new Set<ServiceListener>();
  const service: Service = {
    async invoke(name, arg) {
      if (name === 'model:decode') return { images: (arg as { z: Float32Array }).z, count: 1, imageSize: 32 };
      throw new ApiRequestError('invalid-argument', `Unknown request "${String(name)}"`);
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(name, payload) {
      for (const l of listeners) l(name, payload);
    },
    ready: Promise.resolve(),
    dispose: async () => {},
  };
  return Object.assign(service, { listenerCount: () => listeners.size });
}

function rendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Latent Atlas</title>');
  writeFileSync(join(dir, 'tfjs.wasm'), new Uint8Array([0, 97, 115, 109]));
  return dir;
}

function get(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

/** Resolves with the HTTP status of the upgrade: 101 when accepted. */
function connect(url: string, origin?: string) {
  return new Promise<{ status: number; ws?: WebSocket }>((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.on('error', () => resolve({ status: -1 }));
    ws.on('open', () => resolve({ status: 101, ws }));
  });
}

/** An authorised connection to `host`'s API. */
async function connectApi(h: Host): Promise<WebSocket> {
  const { ws } = await connect(`ws://127.0.0.1:${h.port}/api?token=${h.token}`, `http://127.0.0.1:${h.port}`);
  if (!ws) throw new Error('connection refused');
  return ws;
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

let host: Host | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

describe('host', () => {
  it('listens on 127.0.0.1 only', async () => {
    host = await startHost({ service: echoService(), rendererDir: rendererDir() });
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
    const refused = await new Promise<string>((resolve) => {
      const req = request({ host: '::1', port: host!.port, path: '/' }, () => resolve('answered'));
      req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      req.end();
    });
    expect(refused).not.toBe('answered');
  });

  it('serves the page only with the token, then to the page by its cookie, with CSP and MIME types', async () => {
    host = await startHost({ service: echoService(), rendererDir: rendererDir(), token: 'a'.repeat(64) });
    const { port } = host;
    expect((await get(port, '/')).status).toBe(403);
    expect((await get(port, `/?token=${'b'.repeat(64)}`)).status).toBe(403);
    expect((await get(port, '/tfjs.wasm')).status).toBe(403);

    const page = await get(port, `/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Latent Atlas');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const cookie = String((page.headers['set-cookie'] as string[])[0]).split(';')[0]!;
    expect(page.headers['set-cookie']).toEqual([expect.stringContaining('HttpOnly; SameSite=Strict')]);

    const wasm = await get(port, '/tfjs.wasm', { cookie });
    expect(wasm.status).toBe(200);
    expect(wasm.headers['content-type']).toBe('application/wasm');
    expect((await get(port, '/../../etc/passwd', { cookie })).status).toBe(404);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    host = await startHost({ service: echoService(), rendererDir: rendererDir() });
    expect(
      (await get(host.port, `/?token=${host.token}`, { host: `evil.example:${host.port}` })).status,
    ).toBe(403);
  });

  it('refuses WebSocket connections without the token or from a foreign Origin', async () => {
    host = await startHost({ service: echoService(), rendererDir: rendererDir() });
    const origin = `http://127.0.0.1:${host.port}`;
    const api = `ws://127.0.0.1:${host.port}/api`;
    expect((await connect(api, origin)).status).toBe(403);
    expect((await connect(`${api}?token=nope`, origin)).status).toBe(403);
    expect((await connect(`${api}?token=${host.token}`, 'https://evil.example')).status).toBe(403);
    expect((await connect(`${api}?token=${host.token}`)).status).toBe(403);
    const ok = await connect(`${api}?token=${host.token}`, origin);
    expect(ok.status).toBe(101);
    ok.ws!.close();
  });

  it('answers requests with typed arrays intact, errors as data, and broadcasts events', async () => {
    const service = echoService();
    host = await startHost({ service, rendererDir: rendererDir() });
    const { ws } = await connect(
      `ws://127.0.0.1:${host.port}/api?token=${host.token}`,
      `http://127.0.0.1:${host.port}`,
    );
    const messages: unknown[] = [];
    const next = () =>
      new Promise<unknown>((resolve) => ws!.once('message', (data: Buffer) => resolve(decodeMessage(data))));

    let reply = next();
    ws!.send(
      encodeMessage({ t: 'req', id: 1, name: 'model:decode', arg: { z: new Float32Array([0.5, -2]) } }),
    );
    messages.push(await reply);
    reply = next();
    ws!.send(encodeMessage({ t: 'req', id: 2, name: 'model:erase', arg: null }));
    messages.push(await reply);
    reply = next();
    service.emit('menu:command', { command: 'about' });
    messages.push(await reply);
    ws!.close();

    expect(messages[0]).toEqual({
      t: 'res',
      id: 1,
      ok: true,
      result: { images: new Float32Array([0.5, -2]), count: 1, imageSize: 32 },
    });
    expect(messages[1]).toEqual({
      t: 'res',
      id: 2,
      ok: false,
      error: { code: 'invalid-argument', message: 'Unknown request "model:erase"' },
    });
    expect(messages[2]).toEqual({ t: 'evt', name: 'menu:command', payload: { command: 'about' } });
  });

  it('closes a connection that sends a malformed frame', async () => {
    host = await startHost({ service: echoService(), rendererDir: rendererDir() });
    const { ws } = await connect(
      `ws://127.0.0.1:${host.port}/api?token=${host.token}`,
      `http://127.0.0.1:${host.port}`,
    );
    const code = new Promise<number>((resolve) => ws!.on('close', (c) => resolve(c)));
    ws!.send('not a frame');
    expect(await code).toBe(1003);
  });

  it('survives a connection that sends an invalid WebSocket frame, and keeps serving others', async () => {
    host = await startHost({ service: echoService(), rendererDir: rendererDir() });
    const bad = await connectApi(host);
    const badClosed = closed(bad);
    // A masked frame with the reserved opcode 3: ws reports it as an 'error' on the server's socket.
    (bad as unknown as { _socket: { write(b: Buffer): void } })._socket.write(
      Buffer.from([0x83, 0x80, 0, 0, 0, 0]),
    );
    expect(await badClosed).not.toBe(1000);
    const good = await connectApi(host);
    const reply = new Promise<unknown>((resolve) =>
      good.once('message', (data: Buffer) => resolve(decodeMessage(data))),
    );
    good.send(encodeMessage({ t: 'req', id: 7, name: 'model:decode', arg: { z: new Float32Array([1, 2]) } }));
    expect(await reply).toMatchObject({ t: 'res', id: 7, ok: true });
    good.close();
  });

  it('subscribes to the service once, whatever the connections, and unsubscribes on close', async () => {
    const service = echoService();
    host = await startHost({ service, rendererDir: rendererDir() });
    for (let i = 0; i < 5; i++) {
      const ws = await connectApi(host);
      const done = closed(ws);
      ws.close();
      await done;
    }
    expect(service.listenerCount()).toBe(1);
    const ws = await connectApi(host);
    const event = new Promise<unknown>((resolve) =>
      ws.once('message', (data: Buffer) => resolve(decodeMessage(data))),
    );
    service.emit('menu:command', { command: 'about' });
    expect(await event).toEqual({ t: 'evt', name: 'menu:command', payload: { command: 'about' } });
    ws.close();
    await host.close();
    host = null;
    expect(service.listenerCount()).toBe(0);
  });
});
