// The one-time login URL a browser window we start gets instead of the token (its command line is
// readable by every local user): the first GET trades the code for the session cookie, and the page
// and its WebSocket then authenticate by that cookie alone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { Service } from '../service/service';
import { LOGIN_CODE_TTL_MS } from './auth';
import { startHost, type Host } from './server';

const service: Service = {
  invoke: async () => null,
  on: () => () => {},
  emit: () => {},
  ready: Promise.resolve(),
  dispose: async () => {},
};

const pages = mkdtempSync(join(tmpdir(), 'atlas-login-'));
writeFileSync(join(pages, 'index.html'), '<!doctype html><title>Latent Atlas</title>');
afterAll(() => rmSync(pages, { recursive: true, force: true }));
const rendererDir = () => pages;

interface Answer {
  status: number;
  location?: string;
  cookie?: string;
  body: string;
}

function send(url: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(url, options, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          cookie: res.headers['set-cookie']?.[0],
          body,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** The HTTP status of a WebSocket upgrade to `host`'s API: 101 when accepted. */
function upgrade(h: Host, headers: Record<string, string>, query = ''): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${h.port}/api${query}`, { headers });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
  });
}

let host: Host | null = null;
afterEach(async () => {
  vi.useRealTimers();
  await host?.close();
  host = null;
});

describe('one-time login URL', () => {
  it('carries a code, not the token', async () => {
    host = await startHost({ service, rendererDir: rendererDir() });
    const url = host.oneTimeUrl();
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?code=[0-9a-f]{64}$`));
    expect(url).not.toContain(host.token);
    expect(host.oneTimeUrl()).not.toBe(url);
  });

  it('works once: the cookie and a redirect to the page; a second use is refused with a message', async () => {
    host = await startHost({ service, rendererDir: rendererDir() });
    const url = host.oneTimeUrl();
    const first = await send(url);
    expect(first.status).toBe(303);
    expect(first.location).toBe('/');
    expect(first.cookie).toBe(`atlas_session_${host.port}=${host.token}; HttpOnly; SameSite=Strict; Path=/`);
    const second = await send(url);
    expect(second.status).toBe(403);
    expect(second.body).toMatch(/one-time link was already used or has expired/);
    expect(second.cookie).toBeUndefined();
  });

  it('refuses unknown and expired codes', async () => {
    host = await startHost({ service, rendererDir: rendererDir() });
    const base = `http://127.0.0.1:${host.port}/`;
    for (const code of ['', '0'.repeat(64), host.token]) {
      expect((await send(`${base}?code=${code}`)).status, `code "${code}"`).toBe(403);
    }
    vi.useFakeTimers({ toFake: ['Date'] });
    const url = host.oneTimeUrl();
    vi.setSystemTime(Date.now() + LOGIN_CODE_TTL_MS + 1);
    expect((await send(url)).status).toBe(403);
  });

  it('is not spent by a foreign Host header (DNS rebinding) or a non-GET request', async () => {
    host = await startHost({ service, rendererDir: rendererDir() });
    const url = host.oneTimeUrl();
    expect((await send(url, { headers: { host: `evil.example:${host.port}` } })).status).toBe(403);
    expect((await send(url, { method: 'POST' })).status).toBe(405);
    expect((await send(url)).status).toBe(303);
  });

  it('lets the page and its WebSocket in by the cookie alone, and a reload of the spent URL too', async () => {
    host = await startHost({ service, rendererDir: rendererDir() });
    const url = host.oneTimeUrl();
    const cookie = (await send(url)).cookie!.split(';')[0]!;
    const origin = `http://127.0.0.1:${host.port}`;

    const page = await send(`${origin}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Latent Atlas');
    expect((await send(url, { headers: { cookie } })).status).toBe(303);

    expect(await upgrade(host, { cookie, origin })).toBe(101);
    // The renderer sends `?token=` empty when its page URL has none: the cookie still counts.
    expect(await upgrade(host, { cookie, origin }, '?token=')).toBe(101);
    // The cookie is no pass for other sites' pages, nor is anything else without it.
    expect(await upgrade(host, { cookie, origin: 'http://evil.example' })).toBe(403);
    expect(await upgrade(host, { cookie })).toBe(403);
    expect(await upgrade(host, { origin })).toBe(403);
    expect(await upgrade(host, { cookie: `atlas_session_${host.port}=${'0'.repeat(64)}`, origin })).toBe(403);
  });
});
