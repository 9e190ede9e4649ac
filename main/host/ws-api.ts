// The host's transport: the service over a WebSocket, one binary frame per message (shared/wire.ts).
import type { WebSocket, WebSocketServer } from 'ws';
import { decodeMessage, encodeMessage, type WireMessage, type WireRequest } from '../../shared/wire';
import { toApiError } from '../../shared/validate';
import type { Service } from '../service/service';
import { errorMessage } from '../../shared/errors';

/** Serves `service` to every connection of `wss` and broadcasts its events to all of them. */
export function attachApi(wss: WebSocketServer, service: Service): () => void {
  const unsubscribe = service.on((name, payload) => {
    const frame = encodeMessage({ t: 'evt', name, payload } satisfies WireMessage);
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(frame);
  });
  wss.on('connection', (socket: WebSocket) => {
    // Why: ws reports a bad frame (invalid opcode, oversize payload) as an 'error' event and then
    // closes the socket; without a listener that event would be thrown and end the whole host.
    socket.on('error', (err) => console.warn(`Closed a WebSocket connection: ${err.message}`));
    socket.on('message', (data, isBinary) => {
      void answer(socket, service, data, isBinary);
    });
  });
  return unsubscribe;
}

async function answer(socket: WebSocket, service: Service, data: unknown, isBinary: boolean): Promise<void> {
  let request: WireRequest;
  try {
    request = parseRequest(data, isBinary);
  } catch (err) {
    // Why close: a peer that sends malformed frames is not our page; there is no id to answer.
    socket.close(1003, errorMessage(err).slice(0, 100));
    return;
  }
  let response: WireMessage;
  try {
    const result = await service.invoke(request.name, request.arg);
    response = { t: 'res', id: request.id, ok: true, result };
  } catch (err) {
    response = { t: 'res', id: request.id, ok: false, error: toApiError(err) };
  }
  if (socket.readyState === socket.OPEN) socket.send(encodeMessage(response));
}

function parseRequest(data: unknown, isBinary: boolean): WireRequest {
  if (!isBinary || !(data instanceof Buffer)) throw new Error('Expected one binary frame');
  const msg = decodeMessage(data) as Partial<WireRequest> | null;
  if (typeof msg !== 'object' || msg === null || msg.t !== 'req') throw new Error('Expected a request');
  if (!Number.isSafeInteger(msg.id)) throw new Error('Request without a valid id');
  // The name is checked by the service's validation (unknown or non-string names are refused there).
  return { t: 'req', id: msg.id as number, name: msg.name as string, arg: msg.arg };
}
