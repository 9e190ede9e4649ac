// The host's access checks. The host listens on 127.0.0.1 only, but any local process or any web
// page the user visits can reach a loopback port, so every request must also prove it comes from
// the page we served: a random session token (in the URL, then an HttpOnly cookie for the page's own
// assets), a Host header naming the loopback address (against DNS rebinding), and for the
// WebSocket an Origin equal to ours (against other sites' pages).
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random session token: 32 bytes, hex. */
export function createToken(): string {
  return randomBytes(32).toString('hex');
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The origins our own page has: the loopback address with our port. */
export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** True when the Host header names our loopback address and port. */
export function isAllowedHostHeader(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** True when a WebSocket's Origin header is our page's origin (a missing Origin is refused). */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return typeof origin === 'string' && allowedOrigins(port).includes(origin);
}

/** Cookie name per port: cookies are shared across ports of a host, sessions must not be. */
export function cookieName(port: number): string {
  return `atlas_session_${port}`;
}

/** The session token from a Cookie header, if present. */
export function tokenFromCookie(cookieHeader: string | undefined, port: number): string | null {
  if (!cookieHeader) return null;
  const name = cookieName(port);
  for (const part of cookieHeader.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

/** The Set-Cookie value carrying the token to the page's later requests (never readable by scripts). */
export function sessionCookie(token: string, port: number): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
