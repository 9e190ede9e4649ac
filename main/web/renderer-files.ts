// Maps request paths to the built renderer's files (dist/renderer), for the host's HTTP server and
// Electron's app:// protocol alike: no path escapes the folder, and every file gets its MIME type.
import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  // Why: WebAssembly.instantiateStreaming refuses any other type.
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** MIME type for a file name, `application/octet-stream` when unknown. */
export function mimeType(fileName: string): string {
  return MIME_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rootDir` that URL path `urlPath` names ("/" → index.html), or null when it does not
 * exist or would lie outside `rootDir` (`..`, encoded slashes, NUL bytes).
 */
export function resolveRendererFile(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = normalize(rootDir + sep);
  const file = normalize(join(root, relative));
  if (!file.startsWith(root)) return null;
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  return file;
}
