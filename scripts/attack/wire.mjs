// The host's wire format (shared/wire.ts), for the campaign's clients. The real codec is bundled
// from its TypeScript source at startup, so valid requests are encoded exactly as the page encodes
// them; `rawFrame` builds frames by hand for the malformed ones.
import { build, stop } from 'esbuild';
import { join } from 'node:path';

/** `{ encodeMessage, decodeMessage }` from shared/wire.ts. */
export async function loadWireCodec(root) {
  const out = await build({
    entryPoints: [join(root, 'shared/wire.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  const code = out.outputFiles[0].text;
  // Why: esbuild keeps a service process running after a build; the campaign counts leftovers.
  await stop();
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/**
 * A frame from parts: [u32 `headerLength` (default: the header's byte length)][header][pad to 4][data].
 * `header` is a string (any text, valid JSON or not) or bytes.
 */
export function rawFrame(header, data = new Uint8Array(0), headerLength) {
  const headerBytes = typeof header === 'string' ? Buffer.from(header, 'utf8') : Buffer.from(header);
  const dataStart = (4 + headerBytes.length + 3) & ~3;
  const frame = Buffer.alloc(dataStart + data.length);
  frame.writeUInt32LE(headerLength ?? headerBytes.length, 0);
  headerBytes.copy(frame, 4);
  Buffer.from(data.buffer, data.byteOffset, data.byteLength).copy(frame, dataStart);
  return frame;
}
