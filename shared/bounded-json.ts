/**
 * JSON.parse behind limits on size, nesting and number of values, checked by one pass over the
 * bytes before anything is parsed. Why: a model file is read from anywhere, and a WebSocket frame
 * comes from any local client, and JSON.parse of a 64 MB text of `[[[[…` or of millions of tiny
 * values allocates gigabytes and holds the thread for seconds. Our files are far inside the limits: a model.json has ~300 values, 9 levels deep; a
 * bundle's weights are one long string, which counts as one value.
 */

/** Limits for `parseBoundedJson`. */
export interface JsonLimits {
  maxBytes: number;
  /** Deepest nesting of arrays and objects, e.g. 1 for `[1, 2]`. */
  maxDepth: number;
  /** Most values in arrays and objects together (approximated by counting `[`, `{` and `,`). */
  maxValues: number;
}

/** Limits for the JSON of a model: model.json, atlas-meta.json or a whole bundle (plus its size). */
export const MODEL_JSON_SHAPE = { maxDepth: 32, maxValues: 100_000 } as const;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * Why `bytes` (UTF-8) break `limits`, or null when they do not. Cheap: no allocation, one pass;
 * the bytes need not be valid JSON (JSON.parse judges that afterwards).
 *
 * @example jsonShapeProblem(new TextEncoder().encode('[[[1]]]'), { maxBytes: 100, maxDepth: 2, maxValues: 10 })
 * // 'it is nested more than 2 levels deep'
 */
export function jsonShapeProblem(bytes: Uint8Array, limits: JsonLimits): string | null {
  if (bytes.length > limits.maxBytes)
    return `it is too large (${bytes.length} bytes; at most ${limits.maxBytes})`;
  let depth = 0;
  let values = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) i = stringEnd(bytes, i + 1);
    else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      if (++depth > limits.maxDepth) return `it is nested more than ${limits.maxDepth} levels deep`;
      if (++values > limits.maxValues) return `it holds more than ${limits.maxValues} values`;
    } else if (b === COMMA) {
      if (++values > limits.maxValues) return `it holds more than ${limits.maxValues} values`;
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) depth--;
  }
  return null;
}

/**
 * The index of the quote that closes a string whose text starts at `from` (the end of the bytes if
 * none does). Why indexOf: a bundle's weights are one string of up to 64 MB, which a native search
 * skips some 20 times faster than a loop; UTF-8 continuation bytes are ≥ 0x80, so never a quote.
 */
function stringEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; ;) {
    const quote = bytes.indexOf(QUOTE, i);
    if (quote < 0) return bytes.length;
    let backslashes = 0;
    while (quote - backslashes - 1 >= i && bytes[quote - backslashes - 1] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote; // an odd count escapes the quote
    i = quote + 1;
  }
}

/**
 * Parses UTF-8 JSON within `limits`. Throws an Error naming `where`, e.g. "bundle is not valid JSON
 * (truncated or corrupted?)" or "bundle is not a Latent Atlas model: it is nested more than 32
 * levels deep".
 */
export function parseBoundedJson(bytes: Uint8Array, where: string, limits: JsonLimits): unknown {
  const problem = jsonShapeProblem(bytes, limits);
  if (problem) throw new Error(`${where} is not a Latent Atlas model: ${problem}`);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (err) {
    throw new Error(`${where} is not valid JSON (truncated or corrupted?)`, { cause: err });
  }
}
