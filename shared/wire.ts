/**
 * The host's WebSocket codec: one binary frame per message, carrying `Float32Array` and
 * `Uint8Array` values as raw bytes (no base64, no number-by-number JSON).
 *
 * Frame layout (all little-endian):
 *   [u32 headerBytes][header: UTF-8 JSON][0–3 bytes padding][blob 0][pad]…[blob n-1][pad]
 * In the header every typed array is replaced by `{ "$typed": "f32" | "u8", "o": offset, "n": byteLength }`,
 * `o` counted from the start of the data section (the first blob). Blobs start on 4-byte boundaries;
 * the decoder copies each one out, so its views are aligned and own their buffer.
 * NaN and ±Infinity, which JSON cannot hold (it would turn them into null), travel as
 * `{ "$num": "NaN" | "Infinity" | "-Infinity" }`, so the host delivers what Electron's IPC does.
 */
import type { ApiError } from './api';

/** Renderer → host: a request; `id` pairs it with its response. */
export interface WireRequest {
  t: 'req';
  id: number;
  name: string;
  arg: unknown;
}

/** Host → renderer: the answer to request `id`. */
export type WireResponse =
  { t: 'res'; id: number; ok: true; result: unknown } | { t: 'res'; id: number; ok: false; error: ApiError };

/** Host → renderer: an event broadcast to every connected page. */
export interface WireEvent {
  t: 'evt';
  name: string;
  payload: unknown;
}

export type WireMessage = WireRequest | WireResponse | WireEvent;

const TAG = '$typed';
const NUM_TAG = '$num';
const NON_FINITE: Record<string, number> = { NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity };
type Kind = 'f32' | 'u8';

/** Encodes a message (any JSON-like value with typed arrays inside) into one binary frame. */
export function encodeMessage(message: WireMessage | unknown): Uint8Array<ArrayBuffer> {
  const blobs: Uint8Array[] = [];
  let dataBytes = 0;
  const json = JSON.stringify(message, (_key, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) return { [NUM_TAG]: String(value) };
    const kind = typedKind(value);
    if (!kind) return value;
    const view = value as Float32Array | Uint8Array;
    const tag: Tag = { [TAG]: kind, o: dataBytes, n: view.byteLength };
    blobs.push(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    dataBytes += align4(view.byteLength);
    return tag;
  });
  const header = new TextEncoder().encode(json ?? 'null');
  const dataStart = align4(4 + header.length);
  const frame = new Uint8Array(dataStart + dataBytes);
  new DataView(frame.buffer).setUint32(0, header.length, true);
  frame.set(header, 4);
  let offset = dataStart;
  for (const blob of blobs) {
    frame.set(blob, offset);
    offset += align4(blob.length);
  }
  return frame;
}

/** Decodes a frame made by `encodeMessage`. Throws on a malformed frame (never returns garbage). */
export function decodeMessage(frame: Uint8Array): unknown {
  if (frame.length < 4) throw new Error('Malformed message: too short');
  const headerLength = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0, true);
  if (4 + headerLength > frame.length) throw new Error('Malformed message: header overruns the frame');
  const json = new TextDecoder().decode(frame.subarray(4, 4 + headerLength));
  const dataStart = align4(4 + headerLength);
  return JSON.parse(json, (_key, value: unknown) => {
    if (isTag(value)) return readBlob(frame, dataStart, value);
    return nonFinite(value) ?? value;
  });
}

/** Placeholder for a typed array: kind, byte offset in the data section, byte length. */
interface Tag {
  [TAG]: Kind;
  o: number;
  n: number;
}

function readBlob(frame: Uint8Array, dataStart: number, tag: Tag): Float32Array | Uint8Array {
  const start = dataStart + tag.o;
  if (start + tag.n > frame.length) throw new Error('Malformed message: a typed array overruns the frame');
  // Copy into a fresh, aligned ArrayBuffer the result owns alone. (Not frame.slice(): on a Node
  // Buffer, slice is a view into a shared pool.)
  const bytes = new Uint8Array(frame.subarray(start, start + tag.n));
  if (tag[TAG] === 'u8') return bytes;
  if (tag.n % 4 !== 0) throw new Error('Malformed message: Float32Array byte length is not a multiple of 4');
  return new Float32Array(bytes.buffer, 0, tag.n / 4);
}

function typedKind(value: unknown): Kind | null {
  if (value instanceof Float32Array) return 'f32';
  if (value instanceof Uint8Array) return 'u8';
  return null;
}

function isTag(value: unknown): value is Tag {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const whole = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;
  return (v[TAG] === 'f32' || v[TAG] === 'u8') && whole(v.o) && whole(v.n);
}

/** The number a `{ "$num": … }` placeholder stands for, or undefined for anything else. */
function nonFinite(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === NUM_TAG && typeof v[NUM_TAG] === 'string'
    ? NON_FINITE[v[NUM_TAG]]
    : undefined;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
