// The browser host: serves the built renderer and the service's API over a WebSocket, on
// 127.0.0.1 only, to the one page that knows the session token (see auth.ts for why each check).
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { API_LIMITS } from '../../shared/api';
import { IMAGE_SIZES } from '../../shared/train-config';
import { contentSecurityPolicy } from '../web/csp';
import { mimeType, resolveRendererFile } from '../web/renderer-files';
import type { Service } from '../service/service';
import {
  createLoginCodes,
  createToken,
  isAllowedHostHeader,
  isAllowedOrigin,
  sessionCookie,
  tokenFromCookie,
  tokenMatches,
  type LoginCodes,
} from './auth';
import { attachApi } from './ws-api';

/** Loopback only: the host is never reachable from another machine. */
export const HOST_ADDRESS = '127.0.0.1';
/** Path of the WebSocket API. */
export const API_PATH = '/api';
/**
 * Largest frame accepted: the largest request (a model bundle, or an encode of the most images of
 * 64 px: 4,096 × 64² floats, 64 MiB) plus headroom for its header.
 */
const MAX_FRAME_BYTES =
  Math.max(API_LIMITS.maxBundleBytes, API_LIMITS.maxEncodeCount * Math.max(...IMAGE_SIZES) ** 2 * 4) +
  1024 * 1024;

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
  /**
   * A fresh single-use page URL, http://127.0.0.1:PORT/?code=…, for a browser we start ourselves:
   * its command line is readable by every local user, so it gets a code that the first request
   * exchanges for the session cookie, and that is useless from then on (see auth.ts).
   */
  oneTimeUrl(): string;
  close(): Promise<void>;
}

/** Starts the host and resolves once it listens. */
export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? createToken();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const detach = attachApi(wss, options.service);
  const codes = createLoginCodes();
  let port = 0;
  const server = createServer((req, res) =>
    serveFile(req, res, { rendererDir: options.rendererDir, token, codes, port }),
  );
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
    oneTimeUrl: () => `http://${HOST_ADDRESS}:${port}/?code=${codes.issue()}`,
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
    // The page opened by a one-time code has no token in its URL: its cookie authenticates it.
    (tokenMatches(token, url.searchParams.get('token')) ||
      tokenMatches(token, tokenFromCookie(req.headers.cookie, port)))
  );
}

function refuseUpgrade(socket: Duplex): void {
  socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}

interface PageAccess {
  rendererDir: string;
  token: string;
  codes: LoginCodes;
  port: number;
}

const FORBIDDEN = 'Forbidden: open the address printed by `npm start` (it includes the session token).';

function serveFile(req: IncomingMessage, res: ServerResponse, access: PageAccess): void {
  const { rendererDir, token, codes, port } = access;
  const url = new URL(req.url ?? '/', `http://${HOST_ADDRESS}`);
  if (!isAllowedHostHeader(req.headers.host, port)) return sendText(res, 403, FORBIDDEN);
  const hasCookie = tokenMatches(token, tokenFromCookie(req.headers.cookie, port));
  const code = url.searchParams.get('code');
  if (code !== null) {
    // GET only: the browser's navigation is a GET, and nothing else should spend a code.
    if (req.method !== 'GET') return sendText(res, 405, 'Method not allowed');
    return login(res, codes.redeem(code) || hasCookie, token, port);
  }
  const queryToken = url.searchParams.get('token');
  if (!tokenMatches(token, queryToken) && !hasCookie) return sendText(res, 403, FORBIDDEN);
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

/**
 * Answers a one-time login URL: the cookie and a redirect to the page, so that a reload never
 * presents the spent code again (a page that already has the cookie is just redirected).
 */
function login(res: ServerResponse, granted: boolean, token: string, port: number): void {
  if (!granted) {
    return sendText(
      res,
      403,
      'Forbidden: this one-time link was already used or has expired. Close this window and run `npm start` again.',
    );
  }
  // Why always "/": echoing the request's path would make this an open redirect ("//evil.example").
  res.writeHead(303, {
    ...securityHeaders(port),
    Location: '/',
    'Cache-Control': 'no-store',
    'Set-Cookie': sessionCookie(token, port),
  });
  res.end();
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
