// PNG files of decoded images: smooth (bicubic) upsampling to the requested size, grayscale PNG
// encoding with pngjs, and tEXt chunks that record where in latent space the picture came from.
import { PNG } from 'pngjs';

/** A grayscale image, row-major, values in [0,1] (values outside are clamped when encoded). */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Float32Array;
}

/** One tEXt chunk: keyword (1–79 Latin-1 characters) and text (Latin-1; other characters are transliterated). */
export type PngText = Record<string, string>;

/** pngjs's default (9) is several times slower for little gain on these smooth images. */
const DEFLATE_LEVEL = 6;
/** Gap between tiles of a grid sheet, in pixels, and its gray level. */
const SHEET_GAP_PX = 2;
const SHEET_GAP_GRAY = 1;

/** Encodes an 8-bit grayscale PNG with the given tEXt chunks right after IHDR. */
export function encodePng(image: GrayImage, text: PngText = {}): Uint8Array {
  const { width, height, pixels } = image;
  const data = Buffer.alloc(width * height);
  for (let i = 0; i < data.length; i++) data[i] = Math.round(255 * clamp01(pixels[i] ?? 0));
  const png = PNG.sync.write({ width, height, data } as PNG, {
    colorType: 0,
    inputColorType: 0,
    inputHasAlpha: false,
    bitDepth: 8,
    deflateLevel: DEFLATE_LEVEL,
  });
  return insertTextChunks(new Uint8Array(png.buffer, png.byteOffset, png.byteLength), text);
}

/**
 * Inserts tEXt chunks after IHDR (pngjs writes none). PNG layout: 8-byte signature, then chunks
 * of [u32 length][4-byte type][data][u32 CRC over type+data], IHDR first (13 data bytes).
 */
export function insertTextChunks(png: Uint8Array, text: PngText): Uint8Array {
  const afterIhdr = 8 + 4 + 4 + 13 + 4;
  const chunks = Object.entries(text).map(([keyword, value]) => textChunk(keyword, value));
  const size = png.length + chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  out.set(png.subarray(0, afterIhdr), 0);
  let offset = afterIhdr;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  out.set(png.subarray(afterIhdr), offset);
  return out;
}

/** Reads every tEXt chunk of a PNG (for tests and for reading our own files back). */
export function readTextChunks(png: Uint8Array): PngText {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const text: PngText = {};
  for (let offset = 8; offset + 12 <= png.length;) {
    const length = view.getUint32(offset);
    const type = latin1(png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'tEXt') {
      const crc = view.getUint32(offset + 8 + length);
      if (crc !== crc32(png.subarray(offset + 4, offset + 8 + length)))
        throw new Error('tEXt chunk has a bad CRC');
      const nul = data.indexOf(0);
      text[latin1(data.subarray(0, nul))] = latin1(data.subarray(nul + 1));
    }
    offset += 12 + length;
  }
  return text;
}

function textChunk(keyword: string, value: string): Uint8Array {
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword) || keyword !== keyword.trim()) {
    throw new Error(`Invalid PNG text keyword "${keyword}"`);
  }
  const data = [...toLatin1Bytes(keyword), 0, ...toLatin1Bytes(value)];
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set([0x74, 0x45, 0x58, 0x74], 4); // "tEXt"
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/** Non-Latin-1 characters our labels use (parameters θ of a density), spelled out. */
const SPELLED: Record<string, string> = {
  λ: 'lambda',
  β: 'beta',
  '²': '^2',
  μ: 'mu',
  σ: 'sigma',
  Σ: 'Sigma',
  θ: 'theta',
  π: 'pi',
  '−': '-',
  '∞': 'inf',
  '≤': '<=',
  '≥': '>=',
  '≈': '~',
  '₁': '1',
  '₂': '2',
  '…': '...',
};
const SPELLED_PATTERN = new RegExp(`[${Object.keys(SPELLED).join('')}]`, 'g');

/** Latin-1 bytes of `s`; symbols used in labels are spelled out, other characters become '?'. */
function toLatin1Bytes(s: string): number[] {
  const spelled = s.replace(SPELLED_PATTERN, (ch) => SPELLED[ch] ?? '?');
  return [...spelled].map((ch) => {
    const code = ch.codePointAt(0) ?? 63;
    return code === 0 || code > 255 ? 63 : code;
  });
}

function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (ISO 3309, polynomial 0xEDB88320) as PNG requires. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = (crcTable[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Resizes a square grayscale image (side `from`) to side `to` by bicubic interpolation
 * (Catmull-Rom, a = −0.5), sampling pixel centres and clamping at the edges.
 */
export function resizeBicubic(pixels: Float32Array, from: number, to: number): Float32Array {
  const taps = cubicTaps(from, to);
  const rows = new Float32Array(from * to); // [from rows, to columns]: horizontal pass first
  for (let y = 0; y < from; y++) {
    const row = y * from;
    for (let x = 0; x < to; x++) {
      let sum = 0;
      for (let k = 4 * x; k < 4 * x + 4; k++) sum += taps.weight[k]! * pixels[row + taps.index[k]!]!;
      rows[y * to + x] = sum;
    }
  }
  const out = new Float32Array(to * to);
  for (let y = 0; y < to; y++) {
    for (let x = 0; x < to; x++) {
      let sum = 0;
      for (let k = 4 * y; k < 4 * y + 4; k++) sum += taps.weight[k]! * rows[taps.index[k]! * to + x]!;
      out[y * to + x] = clamp01(sum);
    }
  }
  return out;
}

/** The 4 source indices and weights of each output position (flat, 4 per position). */
interface Taps {
  index: Int32Array;
  weight: Float32Array;
}

/** Why precomputed typed arrays: this runs on the owning process's main thread for whole sheets. */
function cubicTaps(from: number, to: number): Taps {
  const index = new Int32Array(4 * to);
  const weight = new Float32Array(4 * to);
  const scale = from / to;
  for (let x = 0; x < to; x++) {
    const position = (x + 0.5) * scale - 0.5;
    const base = Math.floor(position);
    const t = position - base;
    for (let k = -1; k <= 2; k++) {
      index[4 * x + k + 1] = Math.min(from - 1, Math.max(0, base + k));
      weight[4 * x + k + 1] = catmullRom(k - t);
    }
  }
  return { index, weight };
}

function catmullRom(x: number): number {
  const a = Math.abs(x);
  if (a < 1) return 1.5 * a ** 3 - 2.5 * a ** 2 + 1;
  if (a < 2) return -0.5 * a ** 3 + 2.5 * a ** 2 - 4 * a + 2;
  return 0;
}

/**
 * Lays `perSide²` square images (side `imageSize`, concatenated) out as a `perSide × perSide`
 * sheet, row-major, each upsampled to `tilePx` and separated by a thin white gap.
 */
export function gridSheet(
  images: Float32Array,
  imageSize: number,
  perSide: number,
  tilePx: number,
): GrayImage {
  return tileSheet(images, imageSize, perSide * perSide, perSide, tilePx);
}

/**
 * Lays `count` square images (side `imageSize`, concatenated) out row-major in `columns` columns
 * and ⌈count / columns⌉ rows, each upsampled to `tilePx`, separated by a thin white gap; cells
 * past the last image stay white. E.g. 5 images in 2 columns of 32 px: 66 × 100 pixels.
 */
export function tileSheet(
  images: Float32Array,
  imageSize: number,
  count: number,
  columns: number,
  tilePx: number,
): GrayImage {
  const rows = Math.ceil(count / columns);
  const width = columns * tilePx + (columns - 1) * SHEET_GAP_PX;
  const height = rows * tilePx + (rows - 1) * SHEET_GAP_PX;
  const pixels = new Float32Array(width * height).fill(SHEET_GAP_GRAY);
  const tileArea = imageSize * imageSize;
  for (let i = 0; i < count; i++) {
    const tile = resizeBicubic(images.subarray(i * tileArea, (i + 1) * tileArea), imageSize, tilePx);
    const top = Math.floor(i / columns) * (tilePx + SHEET_GAP_PX);
    const left = (i % columns) * (tilePx + SHEET_GAP_PX);
    for (let y = 0; y < tilePx; y++)
      pixels.set(tile.subarray(y * tilePx, (y + 1) * tilePx), (top + y) * width + left);
  }
  return { width, height, pixels };
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
