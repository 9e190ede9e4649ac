// The host's access checks. The host listens on 127.0.0.1 only, but any local process or any web
// page the user visits can reach a loopback port, so every request must also prove it comes from
// the page we served: a random session token (in the URL, then an HttpOnly cookie for the page's own
// assets and its WebSocket), a Host header naming the loopback address (against DNS rebinding), and
// for the WebSocket an Origin equal to ours (against other sites' pages).
// A browser window we start ourselves gets a one-time login code instead of the token: a command
// line is readable by every local user (ps, /proc), so it must never carry the long-lived secret.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

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

/** How long a login code stays valid: enough for a cold browser start on a slow machine. */
export const LOGIN_CODE_TTL_MS = 60_000;
/** Codes kept at once; the oldest goes first. Only the launcher issues them, one per window. */
const MAX_LOGIN_CODES = 16;

/** Single-use login codes, each exchanged once for the session cookie (see server.ts). */
export interface LoginCodes {
  /** A fresh random code, valid once within `LOGIN_CODE_TTL_MS`. */
  issue(): string;
  /** True the first time a valid, unexpired code is given; false for any other string, forever after. */
  redeem(code: string | null | undefined): boolean;
}

/** A store of login codes; `now` for tests. */
export function createLoginCodes(ttlMs = LOGIN_CODE_TTL_MS, now = () => Date.now()): LoginCodes {
  // Keyed by the code's SHA-256: a Map lookup compares keys in variable time, and comparing hashes
  // tells a timing attacker nothing about the code itself.
  const expiries = new Map<string, number>();
  const digest = (code: string) => createHash('sha256').update(code).digest('hex');
  const prune = () => {
    for (const [key, expiresAt] of expiries) if (expiresAt <= now()) expiries.delete(key);
  };
  return {
    issue() {
      prune();
      while (expiries.size >= MAX_LOGIN_CODES) expiries.delete(expiries.keys().next().value as string);
      const code = randomBytes(32).toString('hex');
      expiries.set(digest(code), now() + ttlMs);
      return code;
    },
    redeem(code) {
      prune();
      if (typeof code !== 'string' || code.length === 0) return false;
      const key = digest(code);
      // Why delete before answering: a code works once, whatever happens to the first answer.
      const valid = expiries.has(key);
      expiries.delete(key);
      return valid;
    },
  };
}
