/**
 * The host's WebSocket codec: one binary frame per message, carrying `Float32Array` and
 * `Uint8Array` values as raw bytes (no base64, no number-by-number JSON).
 *
 * Frame layout (all little-endian):
 *   [u32 headerBytes][header: UTF-8 JSON][0–3 bytes padding][blob 0][pad]…[blob n-1][pad]
 * In the header every typed array is replaced by `{ "$typed": "f32" | "u8", "o": offset, "n": byteLength }`,
 * `o` counted from the start of the data section (the first blob). Blobs start on 4-byte boundaries
 * and never share bytes. The decoder checks every tag of a frame first (inside the data section, no
 * two overlapping) and only then copies each blob out, so its views are aligned and own their
 * buffer, and a frame can never make it copy more bytes than the frame holds.
 * NaN and ±Infinity, which JSON cannot hold (it would turn them into null), travel as
 * `{ "$num": "NaN" | "Infinity" | "-Infinity" }`, so the host delivers what Electron's IPC does.
 */
import type { ApiError } from './api';
import { type JsonLimits, jsonShapeProblem } from './bounded-json';

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

/**
 * Decodes a frame made by `encodeMessage`. Throws on a malformed frame (never returns garbage),
 * before copying any blob: tags that overrun the frame or overlap each other are refused, so the
 * copies together never exceed the frame's own size (512 tags on one 1 MB blob would otherwise ask
 * for 512 MB). With `headerLimits`, the header's size, nesting and value count are checked before
 * it is parsed (a host's frames come from any local client: see main/host/ws-api.ts).
 */
export function decodeMessage(frame: Uint8Array, headerLimits?: JsonLimits): unknown {
  if (frame.length < 4) throw new Error('Malformed message: too short');
  const headerLength = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0, true);
  if (4 + headerLength > frame.length) throw new Error('Malformed message: header overruns the frame');
  const header = frame.subarray(4, 4 + headerLength);
  const problem = headerLimits && jsonShapeProblem(header, headerLimits);
  if (problem) throw new Error(`Malformed message header: ${problem}`);
  const json = new TextDecoder().decode(header);
  const dataStart = align4(4 + headerLength);
  // Pass 1: parse, noting where each tag sits; no blob is touched yet.
  const slots: BlobSlot[] = [];
  const parsed: unknown = JSON.parse(json, function (this: Record<string, unknown>, key, value: unknown) {
    if (isTag(value)) slots.push({ holder: this, key, tag: value });
    return nonFinite(value) ?? value;
  });
  checkTags(
    slots.map((slot) => slot.tag),
    Math.max(0, frame.length - dataStart),
  );
  // Pass 2: the tags are sound; copy each blob into place. (A tag at the top level has no holder
  // we can reach: JSON.parse's root wrapper is internal, so it becomes the result itself.)
  let result = parsed;
  for (const { holder, key, tag } of slots) {
    const blob = readBlob(frame, dataStart, tag);
    if (tag === parsed) result = blob;
    else holder[key] = blob;
  }
  return result;
}

/** Placeholder for a typed array: kind, byte offset in the data section, byte length. */
interface Tag {
  [TAG]: Kind;
  o: number;
  n: number;
}

/** Where a tag was found: `holder[key]` is the tag, to be replaced by its typed array. */
interface BlobSlot {
  holder: Record<string, unknown>;
  key: string;
  tag: Tag;
}

/**
 * Throws unless every tag lies inside the data section (`dataBytes` long), has a length its kind
 * allows, and shares no byte with another tag. Empty arrays take no bytes, so any number of them may
 * sit at one offset (the encoder puts an empty array where the next blob starts).
 */
function checkTags(tags: readonly Tag[], dataBytes: number): void {
  for (const tag of tags) {
    if (tag.o + tag.n > dataBytes) throw new Error('Malformed message: a typed array overruns the frame');
    if (tag[TAG] === 'f32' && tag.n % 4 !== 0) {
      throw new Error('Malformed message: Float32Array byte length is not a multiple of 4');
    }
  }
  const ranges = tags.filter((tag) => tag.n > 0).sort((a, b) => a.o - b.o);
  for (let i = 1; i < ranges.length; i++) {
    const previous = ranges[i - 1]!;
    if (ranges[i]!.o < previous.o + previous.n) {
      throw new Error('Malformed message: two typed arrays overlap (each must have bytes of its own)');
    }
  }
}

/** Copies the blob `tag` names out of `frame`; `checkTags` has vouched for its bounds. */
function readBlob(frame: Uint8Array, dataStart: number, tag: Tag): Float32Array | Uint8Array {
  const start = dataStart + tag.o;
  // Copy into a fresh, aligned ArrayBuffer the result owns alone. (Not frame.slice(): on a Node
  // Buffer, slice is a view into a shared pool.)
  const bytes = new Uint8Array(frame.subarray(start, start + tag.n));
  return tag[TAG] === 'u8' ? bytes : new Float32Array(bytes.buffer, 0, tag.n / 4);
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
