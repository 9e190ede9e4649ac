// The app:// protocol: serves the built renderer from dist/renderer (inside app.asar when
// packaged) with correct MIME types (application/wasm included) and the CSP header.
import type { CustomScheme, Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy } from '../web/csp';
import { mimeType, resolveRendererFile } from '../web/renderer-files';
import { APP_HOST, APP_SCHEME } from './window';

/**
 * Registered before `ready`. `standard` gives the scheme real origins and relative URLs, `secure`
 * makes it a secure context, `supportFetchAPI` lets the page fetch its own files (e.g. .wasm).
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Serves `rendererDir` at app://atlas/. */
export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveRendererFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const body = await readFile(file);
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': mimeType(file),
        'Content-Security-Policy': contentSecurityPolicy(),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
