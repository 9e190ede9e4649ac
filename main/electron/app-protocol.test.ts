import type { Protocol } from 'electron';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../web/csp';
import { registerAppProtocol } from './app-protocol';

type Handler = (request: Request) => Promise<Response>;

/** A fake `Protocol` that keeps the handler registered for each scheme. */
function fakeProtocol() {
  const handlers = new Map<string, Handler>();
  const protocol = { handle: (scheme: string, handler: Handler) => void handlers.set(scheme, handler) };
  return { protocol: protocol as unknown as Protocol, handlers };
}

/** A built renderer in a temporary folder, with a secret file beside (not inside) it. */
function rendererDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'atlas-app-protocol-'));
  const dir = join(parent, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Latent Atlas</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(dir, 'assets', 'style.css'), 'body {}');
  writeFileSync(join(dir, 'assets', 'kernels.wasm'), new Uint8Array([0, 97, 115, 109]));
  writeFileSync(join(parent, 'secret.txt'), 'not for the page');
  return dir;
}

function serve(): (url: string) => Promise<Response> {
  const { protocol, handlers } = fakeProtocol();
  registerAppProtocol(protocol, rendererDir());
  expect([...handlers.keys()]).toEqual(['app']);
  const handler = handlers.get('app')!;
  return (url) => handler({ url } as Request);
}

describe('registerAppProtocol', () => {
  it('serves index.html at app://atlas/ with the CSP header', async () => {
    const get = serve();
    const response = await get('app://atlas/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>Latent Atlas</title>');
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await (await get('app://atlas/index.html')).text()).toContain('Latent Atlas');
  });

  it('gives each file its MIME type (application/wasm included) and its bytes', async () => {
    const get = serve();
    const types = await Promise.all(
      ['assets/app.js', 'assets/style.css', 'assets/kernels.wasm'].map(async (path) => {
        const response = await get(`app://atlas/${path}`);
        return [response.status, response.headers.get('Content-Type')];
      }),
    );
    expect(types).toEqual([
      [200, 'text/javascript; charset=utf-8'],
      [200, 'text/css; charset=utf-8'],
      [200, 'application/wasm'],
    ]);
    const wasm = await get('app://atlas/assets/kernels.wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it('answers 404 for missing files, other hosts and paths that leave the renderer folder', async () => {
    const get = serve();
    const refused = [
      'app://atlas/missing.js',
      'app://atlas/assets', // a folder, not a file
      'app://evil/index.html',
      'app://atlas/..%2fsecret.txt',
      'app://atlas/%2e%2e%2fsecret.txt',
      'app://atlas/assets%2f..%2f..%2fsecret.txt',
      'app://atlas/..%5csecret.txt',
      'app://atlas/index.html%00.js',
    ];
    for (const url of refused) {
      const response = await get(url);
      expect([url, response.status]).toEqual([url, 404]);
      expect(await response.text()).toBe('Not found');
    }
  });
});
