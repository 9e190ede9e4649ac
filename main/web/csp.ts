// The Content-Security-Policy of the renderer, in one place: the host sends it as a header, the
// Electron app:// protocol sends it with every page, and renderer/index.html carries it as a meta tag.

/**
 * Why each directive: only our own bundled scripts run ('self'; no inline or eval), WebAssembly may
 * compile (tfjs wasm, should the renderer use it), images may be data:/blob: URLs (canvas exports,
 * downloads), the page may only talk to its own origin (plus the host's exact WebSocket URL), and it
 * can neither be framed nor post forms anywhere.
 */
export function contentSecurityPolicy(options: { webSocketUrl?: string; forMetaTag?: boolean } = {}): string {
  const connect = ["'self'", ...(options.webSocketUrl ? [options.webSocketUrl] : [])].join(' ');
  const directives = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ];
  // A meta tag cannot carry frame-ancestors (the browser logs an error); headers carry it.
  return directives.filter((d) => !(options.forMetaTag && d.startsWith('frame-ancestors'))).join('; ');
}
