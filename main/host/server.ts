// The browser host: serves the built renderer and the service's API over a WebSocket, on
// 127.0.0.1 only, to the one page that knows the session token (see auth.ts for why each check).
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { API_LIMITS } from '../../shared/api';
import { contentSecurityPolicy } from '../web/csp';
import { mimeType, resolveRendererFile } from '../web/renderer-files';
import type { Service } from '../service/service';
import {
  createToken,
  isAllowedHostHeader,
  isAllowedOrigin,
  sessionCookie,
  tokenFromCookie,
  tokenMatches,
} from './auth';
import { attachApi } from './ws-api';

/** Loopback only: the host is never reachable from another machine. */
export const HOST_ADDRESS = '127.0.0.1';
/** Path of the WebSocket API. */
export const API_PATH = '/api';
/** Largest frame accepted: a model bundle plus headroom. */
const MAX_FRAME_BYTES = API_LIMITS.maxBundleBytes + 1024 * 1024;

export interface HostOptions {
  service: Service;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** For tests; a random one otherwise. */
  token?: string;
}

export interface Host {
  /** The page URL, token included: http://127.0.0.1:PORT/?token=… */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/** Starts the host and resolves once it listens. */
export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? createToken();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const detach = attachApi(wss, options.service);
  let port = 0;
  const server = createServer((req, res) => serveFile(req, res, options.rendererDir, token, port));
  server.on('upgrade', (req, socket, head) => {
    if (!upgradeAllowed(req, token, port)) return refuseUpgrade(socket);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST_ADDRESS, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST_ADDRESS}:${port}/?token=${token}`,
    port,
    token,
    async close() {
      detach();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function upgradeAllowed(req: IncomingMessage, token: string, port: number): boolean {
  const url = new URL(req.url ?? '/', `http://${HOST_ADDRESS}`);
  return (
    url.pathname === API_PATH &&
    isAllowedHostHeader(req.headers.host, port) &&
    isAllowedOrigin(req.headers.origin, port) &&
    tokenMatches(token, url.searchParams.get('token'))
  );
}

function refuseUpgrade(socket: Duplex): void {
  socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}

function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  rendererDir: string,
  token: string,
  port: number,
): void {
  const url = new URL(req.url ?? '/', `http://${HOST_ADDRESS}`);
  const queryToken = url.searchParams.get('token');
  const authorized =
    tokenMatches(token, queryToken) || tokenMatches(token, tokenFromCookie(req.headers.cookie, port));
  if (!isAllowedHostHeader(req.headers.host, port) || !authorized) {
    return sendText(
      res,
      403,
      'Forbidden: open the address printed by `npm start` (it includes the session token).',
    );
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
  const file = resolveRendererFile(rendererDir, url.pathname);
  if (!file) return sendText(res, 404, 'Not found');
  res.writeHead(200, {
    ...securityHeaders(port),
    'Content-Type': mimeType(file),
    'Cache-Control': 'no-store',
    ...(queryToken ? { 'Set-Cookie': sessionCookie(token, port) } : {}),
  });
  if (req.method === 'HEAD') return void res.end();
  // Why the handler: a read error (file removed by a rebuild meanwhile) must end this response,
  // not throw as an unhandled 'error' event and take the host down.
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({
      webSocketUrl: `ws://${HOST_ADDRESS}:${port}${API_PATH}`,
    }),
    'X-Content-Type-Options': 'nosniff',
    // Why: the page URL holds the token; no request may carry it elsewhere as a Referer.
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}
