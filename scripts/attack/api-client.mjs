// A WebSocket client of the host's API, as the page is one (token in the URL, our Origin), that
// reports every outcome as data instead of throwing: an answer, an error answer, a closed socket
// or no answer in time. Attacks send raw payloads through the same client.
import WebSocket from 'ws';

/** Answers larger than this are refused by the client (a 4,096-image decode of 64 px is 64 MiB). */
const CLIENT_MAX_PAYLOAD = 128 * 1024 * 1024;

/**
 * Opens a connection to `host` (from startHost). Resolves to a client, or rejects when the host
 * refuses the upgrade or does not answer within `timeoutMs`.
 */
export function openClient(host, codec, { timeoutMs = 10_000 } = {}) {
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, {
    headers: { Origin: host.origin },
    maxPayload: CLIENT_MAX_PAYLOAD,
    handshakeTimeout: timeoutMs,
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(new ApiClient(socket, codec)));
    socket.once('error', reject);
  });
}

export class ApiClient {
  #nextId = 1;
  #pending = new Map();
  #eventListeners = new Set();

  constructor(socket, codec) {
    this.socket = socket;
    this.codec = codec;
    /** Close code and reason once the socket closed, else null. */
    this.closeInfo = null;
    /** Resolves when the socket closes. */
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        for (const { resolve: settle, timer } of this.#pending.values()) {
          clearTimeout(timer);
          settle({ kind: 'closed', detail: `closed ${code} ${reason}` });
        }
        this.#pending.clear();
        resolve(this.closeInfo);
      }),
    );
    socket.on('error', () => undefined); // reported through 'close'
    socket.on('message', (data, isBinary) => this.#receive(data, isBinary));
  }

  /**
   * Sends request `name` with `arg` and resolves to `{ kind: 'ok', result }`, `{ kind: 'error',
   * error }`, `{ kind: 'closed' }` or `{ kind: 'timeout' }`. `arg` undefined sends no argument.
   */
  request(name, arg, timeoutMs = 15_000) {
    const id = this.#nextId++;
    return this.sendFrame(this.codec.encodeMessage({ t: 'req', id, name, arg }), id, timeoutMs);
  }

  /**
   * Sends `payload` (bytes as a binary frame, a string as a text frame) and waits for the answer
   * to `id` (or, when `id` is null, to any request), the socket's close or the time limit.
   */
  sendFrame(payload, id = null, timeoutMs = 15_000) {
    if (this.closeInfo) return Promise.resolve({ kind: 'closed', detail: 'closed before sending' });
    return new Promise((resolve) => {
      const key = id ?? Symbol('any');
      const timer = setTimeout(() => {
        this.#pending.delete(key);
        resolve({ kind: 'timeout', detail: `no answer in ${timeoutMs} ms` });
      }, timeoutMs);
      this.#pending.set(key, { resolve, timer, any: id === null });
      this.socket.send(payload, { binary: typeof payload !== 'string' }, () => undefined);
    });
  }

  /** Calls `listener(name, payload)` for every event; returns an unsubscribe function. */
  onEvent(listener) {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  close() {
    this.socket.terminate();
    return this.closed;
  }

  #receive(data, isBinary) {
    if (!isBinary) return;
    const message = this.codec.decodeMessage(data);
    if (message.t === 'evt') {
      for (const listener of this.#eventListeners) listener(message.name, message.payload);
      return;
    }
    let entry = this.#pending.get(message.id);
    let key = message.id;
    if (!entry) {
      // An answer to a frame sent without a known id (a malformed one the host answered anyway).
      key = [...this.#pending.keys()].find((k) => this.#pending.get(k).any);
      entry = key === undefined ? undefined : this.#pending.get(key);
    }
    if (!entry) return;
    this.#pending.delete(key);
    clearTimeout(entry.timer);
    entry.resolve(
      message.ok
        ? { kind: 'ok', result: message.result }
        : {
            kind: 'error',
            error: message.error,
            detail: `${message.error?.code}: ${message.error?.message}`,
          },
    );
  }
}

/** An answer as an attack outcome: 'accepted' (ok), 'refused' (an error or a close) or 'unanswered'. */
export function outcomeOf(answer) {
  if (answer.kind === 'ok') return 'accepted';
  if (answer.kind === 'timeout') return 'unanswered';
  return 'refused';
}
