// Raw TCP exchanges with the host, for requests an HTTP or WebSocket library would refuse to send
// (bad request lines, odd headers, malformed WebSocket frames) and for a client that stops reading.
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

/** Largest response kept (the renderer's biggest asset is well under it). */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * Sends `request` (string in latin1, or bytes) on a fresh connection to 127.0.0.1:`port` and
 * collects the response until the host closes it, the response is complete, or `timeoutMs`.
 * Resolves to `{ status, headers, body, timedOut }`; `status` is null when no status line came.
 */
export function rawHttp(port, request, { timeoutMs = 5000, stopAtHeaders = false } = {}) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks = [];
    let size = 0;
    let finished = false;
    const finish = (timedOut) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseResponse(Buffer.concat(chunks)), timedOut });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
      const sofar = Buffer.concat(chunks);
      if (size > MAX_RESPONSE_BYTES || (stopAtHeaders && sofar.includes('\r\n\r\n')) || isComplete(sofar)) {
        finish(false);
      }
    });
    socket.on('end', () => finish(false));
    socket.on('close', () => finish(false));
    socket.on('error', () => finish(false));
    socket.write(typeof request === 'string' ? Buffer.from(request, 'latin1') : request);
  });
}

function parseResponse(bytes) {
  const end = bytes.indexOf('\r\n\r\n');
  const head = bytes.subarray(0, end < 0 ? bytes.length : end).toString('latin1');
  const [statusLine, ...lines] = head.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1];
  const headers = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const raw = end < 0 ? Buffer.alloc(0) : bytes.subarray(end + 4);
  const body = headers['transfer-encoding'] === 'chunked' ? dechunk(raw) : raw;
  return { status: status ? Number(status) : null, headers, body };
}

/** True once a response with a length or chunked framing has fully arrived. */
function isComplete(bytes) {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const { headers } = parseResponse(bytes.subarray(0, end + 4));
  const body = bytes.subarray(end + 4);
  if (headers['content-length'] !== undefined) return body.length >= Number(headers['content-length']);
  if (headers['transfer-encoding'] === 'chunked')
    return body.includes('\r\n0\r\n\r\n') || body.subarray(0, 5).toString() === '0\r\n\r\n';
  return false;
}

function dechunk(raw) {
  const parts = [];
  let at = 0;
  while (at < raw.length) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** A client-side WebSocket upgrade request (the headers a browser sends), before any auth checks. */
export function upgradeRequest({ path, host, origin, cookie, extraHeaders = [] }) {
  const lines = [
    `GET ${path} HTTP/1.1`,
    ...(host === null ? [] : [`Host: ${host}`]),
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...(origin === null ? [] : [`Origin: ${origin}`]),
    ...(cookie ? [`Cookie: ${cookie}`] : []),
    ...extraHeaders,
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/**
 * One client-to-server WebSocket frame: `opcode`, `payload` bytes, FIN and RSV bits, masked unless
 * `masked` is false (RFC 6455 requires masking). `declaredLength` overrides the length field.
 */
export function wsFrame(
  opcode,
  payload = Buffer.alloc(0),
  { fin = true, rsv = 0, masked = true, declaredLength } = {},
) {
  const length = declaredLength ?? payload.length;
  const parts = [Buffer.from([(fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f)])];
  const maskBit = masked ? 0x80 : 0;
  if (length < 126) parts.push(Buffer.from([maskBit | length]));
  else if (length < 65536) {
    const b = Buffer.alloc(3);
    b[0] = maskBit | 126;
    b.writeUInt16BE(length, 1);
    parts.push(b);
  } else {
    const b = Buffer.alloc(9);
    b[0] = maskBit | 127;
    b.writeBigUInt64BE(BigInt(length), 1);
    parts.push(b);
  }
  if (masked) {
    const mask = randomBytes(4);
    const body = Buffer.from(payload);
    for (let i = 0; i < body.length; i++) body[i] ^= mask[i % 4];
    parts.push(mask, body);
  } else parts.push(Buffer.from(payload));
  return Buffer.concat(parts);
}

/**
 * An open raw WebSocket connection to the host's API (authorised as the page is), that reads only
 * when told to: `socket.pause()` makes a client that never reads its answers.
 * Resolves to `{ socket, received }` (`received`: bytes read so far, for probes) or rejects when the
 * upgrade is refused.
 */
export function openRawWebSocket(host, { timeoutMs = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: host.port });
    const state = { socket, received: Buffer.alloc(0), upgraded: false };
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no upgrade answer'));
    }, timeoutMs);
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      state.received = Buffer.concat([state.received, chunk]);
      if (state.upgraded) return;
      const end = state.received.indexOf('\r\n\r\n');
      if (end < 0) return;
      clearTimeout(timer);
      const status = state.received.subarray(0, 12).toString('latin1');
      state.received = state.received.subarray(end + 4);
      if (!status.startsWith('HTTP/1.1 101')) {
        socket.destroy();
        reject(new Error(`upgrade refused: ${status}`));
        return;
      }
      state.upgraded = true;
      resolve(state);
    });
    socket.write(
      upgradeRequest({
        path: `/api?token=${host.token}`,
        host: `127.0.0.1:${host.port}`,
        origin: host.origin,
      }),
    );
  });
}

/**
 * Sends `bytes` on a fresh raw WebSocket connection and waits until the host closes it (a close
 * frame, or the TCP connection ending) or `timeoutMs`. Resolves to 'closed', 'answered' (a data
 * frame came back: the host treated the bytes as a request) or 'unanswered'.
 */
export async function probeRawFrame(host, bytes, timeoutMs = 5000) {
  const state = await openRawWebSocket(host);
  const { socket } = state;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle('unanswered'), timeoutMs);
    const look = () => {
      const opcode = state.received[0] === undefined ? null : state.received[0] & 0x0f;
      if (opcode === 0x8) settle('closed');
      else if (opcode === 0x1 || opcode === 0x2) settle('answered');
    };
    socket.on('data', look);
    socket.on('close', () => settle('closed'));
    look();
    socket.write(bytes);
  });
}
