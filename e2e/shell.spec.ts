// The shell through the browser path: the page loads under its security headers, the API answers
// the page, and nobody else gets in.
import WebSocket from 'ws';
import { test, expect } from './fixtures';
import { invokeFromPage } from './page-api';

test('the app page loads under a strict Content-Security-Policy', async ({ page, host, pageErrors }) => {
  await expect(page).toHaveTitle(/Latent Atlas/);
  const response = await page.request.get(host.url);
  expect(response.status()).toBe(200);
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(response.headers()['referrer-policy']).toBe('no-referrer');
  await page.waitForLoadState('networkidle');
  expect(pageErrors).toEqual([]);
});

test('the API answers the page, and refuses a bad payload with a clear message', async ({ page }) => {
  const info = await invokeFromPage(page, 'app:info');
  expect(info).toEqual({ ok: true, result: expect.objectContaining({ mode: 'browser', backend: 'wasm' }) });

  const bad = await invokeFromPage(page, 'model:decode-grid', {
    bounds: { min: [0, 0], max: [1, 1] },
    perSide: 1e9,
  });
  expect(bad).toEqual({
    ok: false,
    error: { code: 'invalid-argument', message: expect.stringContaining('perSide') },
  });

  const desktopOnly = await invokeFromPage(page, 'model:open-dialog');
  expect(desktopOnly).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-available' }) });
});

test('requests without the token or from another origin are refused', async ({ host, playwright }) => {
  const anonymous = await playwright.request.newContext();
  expect((await anonymous.get(`${host.origin}/`)).status()).toBe(403);
  expect((await anonymous.get(`${host.origin}/?token=${'0'.repeat(64)}`)).status()).toBe(403);
  await anonymous.dispose();

  const refused = (origin: string, token: string) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${token}`, { origin });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
    });
  expect(await refused('http://evil.example', host.token)).toBe(403);
  expect(await refused(host.origin, 'wrong')).toBe(403);
  expect(await refused(host.origin, host.token)).toBe(101);
});
