import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

describe('contentSecurityPolicy', () => {
  it('allows no inline script, no eval, no foreign origins, no framing', () => {
    const csp = contentSecurityPolicy({ webSocketUrl: 'ws://127.0.0.1:1234/api' });
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:1234/api");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('is what renderer/index.html carries in its meta tag', () => {
    const html = readFileSync(join(__dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(contentSecurityPolicy({ forMetaTag: true }));
  });
});
