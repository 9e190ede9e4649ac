/**
 * The renderer's client of the contract (shared/api.ts), and the only renderer file that knows the
 * transport: in Electron the preload exposes `window.atlas`; in a browser the page talks to the
 * loopback host over a WebSocket authenticated by the `?token=` of the page URL.
 *
 * Every rejection is an `Error` whose message is meant for the user (and whose `code`, when
 * present, is an `ApiError` code such as 'invalid-argument' or 'busy').
 */
import type {
  ApiError,
  AtlasApi,
  EventName,
  Events,
  FileBlob,
  FilmstripPngRequest,
  GalleryPngRequest,
  ModelExportRequest,
  GridPngRequest,
  ImagePngRequest,
  ModelState,
  RequestArg,
  RequestName,
  RequestResult,
  SaveResult,
} from '../shared/api';
import { decodeMessage, encodeMessage, type WireMessage } from '../shared/wire';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in a browser. */
    atlas?: AtlasApi;
  }
}

/** Which transport this page talks over. */
export const transport: 'electron' | 'browser' =
  typeof window !== 'undefined' && window.atlas ? 'electron' : 'browser';

/** The contract as the renderer uses it. */
export const api: AtlasApi = transport === 'electron' ? (window.atlas as AtlasApi) : createBrowserApi();

/** Saves the decoded image at z as a PNG: a native save dialog, or a browser download. */
export async function saveImage(req: ImagePngRequest): Promise<SaveResult> {
  if (transport === 'electron') return api.invoke('image:save-dialog', req);
  return download(await api.invoke('image:png', req));
}

/** Saves the decoded grid as one PNG sheet: a native save dialog, or a browser download. */
export async function exportGrid(req: GridPngRequest): Promise<SaveResult> {
  if (transport === 'electron') return api.invoke('grid:save-dialog', req);
  return download(await api.invoke('grid:png', req));
}

/** Saves the gallery of decoded samples as one PNG sheet: a native save dialog, or a browser download. */
export async function saveGallery(req: GalleryPngRequest): Promise<SaveResult> {
  if (transport === 'electron') return api.invoke('gallery:save-dialog', req);
  return download(await api.invoke('gallery:png', req));
}

/**
 * Saves CSV text (e.g. the samples with their judgement) under `suggestedName`: a native save
 * dialog, or a browser download of the text itself (no request: the page already holds it).
 */
export async function saveCsv(suggestedName: string, text: string): Promise<SaveResult> {
  if (transport === 'electron') return api.invoke('csv:save-dialog', { suggestedName, text });
  const bytes = new TextEncoder().encode(text);
  return download({ fileName: suggestedName, mimeType: 'text/csv;charset=utf-8', bytes });
}

/** Saves a walk's or a path's filmstrip PNG: a native save dialog, or a browser download. */
export async function saveFilmstrip(req: FilmstripPngRequest): Promise<SaveResult> {
  if (transport === 'electron') return api.invoke('filmstrip:save-dialog', req);
  return download(await api.invoke('filmstrip:png', req));
}

/** MIME types of the files the page makes. */
const MADE_TYPES = {
  gif: 'image/gif',
  webm: 'video/webm',
  svg: 'image/svg+xml',
  png: 'image/png',
  md: 'text/markdown',
  json: 'application/json',
} as const;

/** Saves a file the page made (an animated GIF, a WebM video, the map as SVG or PNG): a native save dialog, or a browser download. */
export async function saveExport(
  suggestedName: string,
  bytes: Uint8Array,
  format: keyof typeof MADE_TYPES = 'gif',
): Promise<SaveResult> {
  if (transport === 'electron') return api.invoke('export:save-dialog', { suggestedName, format, bytes });
  return download({ fileName: suggestedName, mimeType: MADE_TYPES[format], bytes });
}

/**
 * Saves the current model (with its training timeline if asked): a native save dialog, or a
 * browser download of its `.atlas.json` bundle.
 */
export async function saveModel(opts: ModelExportRequest = { withTimeline: false }): Promise<SaveResult> {
  if (transport === 'electron') return api.invoke('model:save-dialog', opts);
  return download(await api.invoke('model:export', opts));
}

/**
 * Opens a model. With `file` (from an `<input type=file>`), its bytes are imported on either
 * transport; without, Electron shows a native open dialog (null when cancelled). In a browser a
 * file is required.
 */
export async function openModel(file?: File): Promise<ModelState | null> {
  if (file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return api.invoke('model:import', { bytes, fileName: file.name });
  }
  if (transport === 'electron') return api.invoke('model:open-dialog', undefined);
  throw new Error('Choose a model file (.atlas.json) to open.');
}

/** Offers `blob` as a browser download through a temporary blob URL. */
function download(blob: FileBlob): SaveResult {
  const url = URL.createObjectURL(new Blob([blob.bytes as Uint8Array<ArrayBuffer>], { type: blob.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = blob.fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Why later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { saved: true, path: blob.fileName };
}

/** Base of the reconnect delay; it doubles per failed attempt up to RECONNECT_MAX_MS. */
const RECONNECT_BASE_MS = 250;
const RECONNECT_MAX_MS = 5_000;
/** `WebSocket.OPEN`, spelled out so that a fake socket class need not carry the constant. */
const OPEN = 1;

/** The part of a WebSocket the browser client uses (the browser's own, or a fake in tests). */
export interface ClientSocket {
  binaryType: BinaryType;
  readonly readyState: number;
  send(frame: Uint8Array<ArrayBuffer>): void;
  onopen: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent<ArrayBuffer>) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
}

/** What the browser client takes from its surroundings; tests pass a fake socket and timer. */
export interface BrowserClientEnv {
  /** The host's WebSocket endpoint, token included. */
  url: string;
  openSocket(url: string): ClientSocket;
  setTimeout(run: () => void, delayMs: number): unknown;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

/** The page's own host: same origin, `/api`, with the `?token=` of the page URL. */
function pageEnv(): BrowserClientEnv {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  return {
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api?token=${encodeURIComponent(token)}`,
    openSocket: (url) => new WebSocket(url),
    setTimeout: (run, delayMs) => setTimeout(run, delayMs),
  };
}

/**
 * The WebSocket client of the loopback host (main/host/). Connects at once; after the socket
 * closes, every call in flight rejects, and it reconnects with a growing delay while anyone listens
 * for events (otherwise on the next call).
 */
export function createBrowserApi(env: BrowserClientEnv = pageEnv()): AtlasApi {
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const queue: Uint8Array<ArrayBuffer>[] = [];
  let socket: ClientSocket | null = null;
  let nextId = 1;
  let failures = 0;

  function connect(): ClientSocket {
    const ws = env.openSocket(env.url);
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      failures = 0;
      for (const frame of queue.splice(0)) ws.send(frame);
    };
    ws.onmessage = (ev) => receive(decodeMessage(new Uint8Array(ev.data)) as WireMessage);
    ws.onclose = () => {
      socket = null;
      const lost = new Error('Lost the connection to the Latent Atlas host. Is it still running?');
      for (const p of pending.values()) p.reject(lost);
      pending.clear();
      // Why: these frames belong to the calls just rejected; sent later, they would act behind the
      // caller's back (a training run started after its button showed an error).
      queue.length = 0;
      // Reconnect only while someone listens for events; requests reconnect on demand.
      if (listeners.size > 0) {
        const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** failures++);
        env.setTimeout(() => {
          if (!socket) socket = connect();
        }, delay);
      }
    };
    return ws;
  }

  function receive(msg: WireMessage): void {
    if (msg.t === 'evt') {
      for (const listener of listeners.get(msg.name) ?? []) listener(msg.payload);
    } else if (msg.t === 'res') {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(apiError(msg.error));
    }
  }

  function send(frame: Uint8Array<ArrayBuffer>): void {
    if (!socket) socket = connect();
    if (socket.readyState === OPEN) socket.send(frame);
    else queue.push(frame);
  }

  socket = connect();
  return {
    invoke<K extends RequestName>(name: K, arg: RequestArg<K>): Promise<RequestResult<K>> {
      const id = nextId++;
      return new Promise<RequestResult<K>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        send(encodeMessage({ t: 'req', id, name, arg }));
      });
    },
    on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
      const set = listeners.get(name) ?? new Set();
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      listeners.set(name, set);
      if (!socket) socket = connect();
      return () => {
        set.delete(wrapped);
        // Why the identity check: a second call of a spent unsubscribe must not drop a newer set.
        if (set.size === 0 && listeners.get(name) === set) listeners.delete(name);
      };
    },
  };
}

function apiError(error: ApiError): Error {
  return Object.assign(new Error(error.message), { code: error.code });
}
