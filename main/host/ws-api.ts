// The host's transport: the service over a WebSocket, one binary frame per message (shared/wire.ts).
import type { WebSocket, WebSocketServer } from 'ws';
import { decodeMessage, encodeMessage, type WireMessage, type WireRequest } from '../../shared/wire';
import { API_LIMITS } from '../../shared/api';
import type { JsonLimits } from '../../shared/bounded-json';
import { toApiError } from '../../shared/validate';
import type { Service } from '../service/service';
import { errorMessage } from '../../shared/errors';

/**
 * Requests one connection may have in the service at once; past it a request is answered 'busy'
 * without running. Why 32: the page keeps a handful in flight (one decode per view, the latest
 * winning, plus the odd info or save call), so 32 is never reached by it, while a peer that fires
 * requests without waiting cannot queue unbounded work and the arguments it holds.
 */
export const MAX_REQUESTS_IN_FLIGHT = 32;

/**
 * Request bytes one connection may have in the service at once (its frames' sizes). Why twice the
 * largest bundle: one model upload always fits beside the small calls, while 32 frames of the
 * largest size (2 GB of arguments) cannot. A request arriving with nothing else in flight always runs.
 */
export const MAX_REQUEST_BYTES_IN_FLIGHT = 2 * API_LIMITS.maxBundleBytes;

/**
 * A request runs only while at most this many answer and event bytes wait in its connection's send
 * buffer (ws `bufferedAmount`); until then it waits, counted in flight. Why: a peer that stops
 * reading gets no more work done, so the host stops making answers for it, while a page that reads
 * slowly (a 64 px model's reconstructions are 16–65 MB answers) only waits, and loses nothing.
 */
export const ANSWER_BUFFER_BYTES = 64 * 1024 * 1024;

/**
 * Send-buffer bytes past which the host gives up on a connection and ends it. Why 256 MiB: requests
 * wait at ANSWER_BUFFER_BYTES, so only what needs no request piles up this far (events, for a peer
 * that never reads); the page's own answers at once (a grid, reconstructions, an export) stay far
 * below. The buffer so never exceeds this plus one frame.
 */
export const MAX_BUFFERED_BYTES = 256 * 1024 * 1024;

/**
 * Limits on a request's JSON header, checked before it is parsed. Why: JSON.parse of a 63 MiB
 * header of `[[[[…` took the host's memory up by 3.2 GB for 15 s (found by `npm run attack`).
 * Every typed array travels outside the header, so a real request's header is small: its largest
 * is a CSV text to save (at most maxCsvChars characters, up to 4 bytes each once escaped), its
 * deepest a few levels of plain objects and pairs of numbers.
 */
export const REQUEST_HEADER_LIMITS: JsonLimits = {
  maxBytes: 4 * API_LIMITS.maxCsvChars + 1024 * 1024,
  maxDepth: 16,
  maxValues: 10_000,
};

/**
 * Requests of one connection that may run at once while at most FREE_RUN_BUFFER_BYTES wait to be
 * sent to it; more take turns (see `admit`). Why 8: the page asks for about that many at once when
 * the model changes (grid, reconstructions, preview, codes of both splits, …).
 */
export const FREE_RUNNING = 8;
const FREE_RUN_BUFFER_BYTES = 8 * 1024 * 1024;

/** How often a waiting request looks at its send buffer again, in ms. */
const ROOM_POLL_MS = 15;

/** What the host tracks for one connection; dropped with the socket when it closes. */
interface Connection {
  readonly socket: WebSocket;
  requests: number;
  requestBytes: number;
  /** Requests running without a turn (see `admit`). */
  running: number;
  /** Requests waiting for their turn. */
  queued: number;
  /** Settles when the request whose turn it is now has sent its answer. */
  turn: Promise<void>;
}

/** Serves `service` to every connection of `wss` and broadcasts its events to all of them. */
export function attachApi(wss: WebSocketServer, service: Service): () => void {
  const unsubscribe = service.on((name, payload) => {
    const frame = encodeMessage({ t: 'evt', name, payload } satisfies WireMessage);
    for (const client of wss.clients) sendFrame(client, frame);
  });
  wss.on('connection', (socket: WebSocket) => {
    const connection: Connection = {
      socket,
      requests: 0,
      requestBytes: 0,
      running: 0,
      queued: 0,
      turn: Promise.resolve(),
    };
    // Why: ws reports a bad frame (invalid opcode, oversize payload) as an 'error' event and then
    // closes the socket; without a listener that event would be thrown and end the whole host.
    socket.on('error', (err) => console.warn(`Closed a WebSocket connection: ${err.message}`));
    socket.on('message', (data, isBinary) => {
      void answer(connection, service, data, isBinary);
    });
  });
  return unsubscribe;
}

async function answer(
  connection: Connection,
  service: Service,
  data: unknown,
  isBinary: boolean,
): Promise<void> {
  const { socket } = connection;
  // Why first: a peer that sends requests but never reads its answers gets no more work done.
  if (!canSend(socket)) return;
  let request: WireRequest;
  try {
    request = parseRequest(data, isBinary);
  } catch (err) {
    // Why close: a peer that sends malformed frames is not our page; there is no id to answer.
    socket.close(1003, errorMessage(err).slice(0, 100));
    return;
  }
  const bytes = (data as Buffer).length;
  const refusal = inFlightRefusal(connection, bytes);
  if (refusal) {
    const busy: WireMessage = {
      t: 'res',
      id: request.id,
      ok: false,
      error: { code: 'busy', message: refusal },
    };
    socket.send(encodeMessage(busy));
    return;
  }
  connection.requests++;
  connection.requestBytes += bytes;
  let response: WireMessage;
  let done: (() => void) | false = false;
  try {
    // A connection closed while its request waited gets nothing run for it.
    done = await admit(connection);
    if (!done) return;
    const result = await service.invoke(request.name, request.arg);
    response = { t: 'res', id: request.id, ok: true, result };
  } catch (err) {
    response = { t: 'res', id: request.id, ok: false, error: toApiError(err) };
  } finally {
    connection.requests--;
    connection.requestBytes -= bytes;
  }
  // Checked before encoding: for a connection closed (or ended by canSend) meanwhile, the answer is
  // dropped here, never encoded or kept.
  try {
    if (canSend(socket)) socket.send(encodeMessage(response));
  } finally {
    // Whatever happens to this answer, the connection's next request gets its turn.
    if (done) done();
  }
}

/**
 * Lets a request of `connection` run; resolves to what to call once its answer is sent, or false
 * when the socket closed first. Up to FREE_RUNNING requests run at once while the send buffer is
 * nearly empty (the page's burst after a model change); past that they take turns, one at a time,
 * each once the buffer holds at most ANSWER_BUFFER_BYTES. Why turns: a peer that stopped reading
 * made all 32 of its requests pass the buffer check at once, before any answer existed (+560 MB).
 */
async function admit(connection: Connection): Promise<(() => void) | false> {
  const { socket } = connection;
  if (
    connection.queued === 0 &&
    connection.running < FREE_RUNNING &&
    socket.bufferedAmount <= FREE_RUN_BUFFER_BYTES
  ) {
    connection.running++;
    return () => connection.running--;
  }
  connection.queued++;
  const before = connection.turn;
  let release!: () => void;
  connection.turn = new Promise<void>((resolve) => (release = resolve));
  try {
    await before;
    if (await roomToAnswer(socket)) return release;
    release();
    return false;
  } finally {
    connection.queued--;
  }
}

/** Why a request of `bytes` may not run now on `connection`, in words for the user; null when it may. */
function inFlightRefusal(connection: Connection, bytes: number): string | null {
  if (connection.requests >= MAX_REQUESTS_IN_FLIGHT) {
    return `Too many requests at once: the host is still working on ${MAX_REQUESTS_IN_FLIGHT} from this page. Try again when they finish.`;
  }
  if (connection.requests > 0 && connection.requestBytes + bytes > MAX_REQUEST_BYTES_IN_FLIGHT) {
    return 'Too much data at once: the host is still working on earlier large requests from this page. Try again when they finish.';
  }
  return null;
}

/**
 * Waits until the send buffer of `socket` holds at most ANSWER_BUFFER_BYTES; false when the socket
 * closed (or was ended by `canSend`) first.
 */
async function roomToAnswer(socket: WebSocket): Promise<boolean> {
  while (socket.readyState === socket.OPEN && socket.bufferedAmount > ANSWER_BUFFER_BYTES) {
    await new Promise((resolve) => setTimeout(resolve, ROOM_POLL_MS));
  }
  return socket.readyState === socket.OPEN;
}

/** Sends `frame` to `socket` if it is open and reading its answers (see `canSend`). */
function sendFrame(socket: WebSocket, frame: Uint8Array): void {
  if (canSend(socket)) socket.send(frame);
}

/**
 * True while `socket` is open and its send buffer is within MAX_BUFFERED_BYTES. Past that the peer
 * has not read for a long time, so the connection is ended at once (terminate, not close: a close frame would
 * wait behind the unread bytes, and they are what must be freed).
 */
function canSend(socket: WebSocket): boolean {
  if (socket.readyState !== socket.OPEN) return false;
  if (socket.bufferedAmount <= MAX_BUFFERED_BYTES) return true;
  console.warn(
    `Closed a WebSocket connection that stopped reading: over ${MAX_BUFFERED_BYTES / 1024 / 1024} MiB waited to be sent to it.`,
  );
  socket.terminate();
  return false;
}

function parseRequest(data: unknown, isBinary: boolean): WireRequest {
  if (!isBinary || !(data instanceof Buffer)) throw new Error('Expected one binary frame');
  const msg = decodeMessage(data, REQUEST_HEADER_LIMITS) as Partial<WireRequest> | null;
  if (typeof msg !== 'object' || msg === null || msg.t !== 'req') throw new Error('Expected a request');
  if (!Number.isSafeInteger(msg.id)) throw new Error('Request without a valid id');
  // The name is checked by the service's validation (unknown or non-string names are refused there).
  return { t: 'req', id: msg.id as number, name: msg.name as string, arg: msg.arg };
}
