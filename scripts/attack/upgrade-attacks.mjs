// Category 2: WebSocket upgrades. The API socket opens only on /api, for the session token (in the
// URL or the session cookie of this port), a Host header naming our loopback address and port, and
// an Origin equal to our page's. Any one of them wrong must be refused (403), whatever the others.
import { randomBytes } from 'node:crypto';
import { pick, runPool } from './pool.mjs';
import { rawHttp, upgradeRequest } from './raw-socket.mjs';

const CONCURRENCY = 12;
/** Random combinations of good and bad parts, on top of the one-bad-part cases. */
const RANDOM_COMBINATIONS = 600;

/** Runs every upgrade attack against `host` and records each in `tally`. */
export async function upgradeAttacks(host, { random, tally }) {
  const parts = upgradeParts(host);
  const good = { path: '/api', auth: parts.auth[0], host: parts.hosts[0], origin: parts.origins[0] };
  const cases = [
    { ...good, expect: 'accept' },
    { ...good, auth: parts.auth[1], expect: 'accept' },
    { ...good, host: parts.hosts[1], origin: parts.origins[1], expect: 'accept' },
  ];
  // One part wrong at a time, then random mixes with at least one part wrong.
  for (const auth of parts.badAuth) cases.push({ ...good, auth, expect: 'refuse' });
  for (const hostHeader of parts.badHosts) {
    for (const auth of parts.auth) cases.push({ ...good, auth, host: hostHeader, expect: 'refuse' });
  }
  for (const origin of parts.badOrigins) {
    for (const auth of parts.auth) cases.push({ ...good, auth, origin, expect: 'refuse' });
  }
  for (const path of parts.badPaths) {
    for (const auth of parts.auth) cases.push({ ...good, auth, path, expect: 'refuse' });
  }
  for (let i = 0; i < RANDOM_COMBINATIONS; i++) {
    const c = {
      path: random() < 0.7 ? '/api' : pick(random, parts.badPaths),
      auth: random() < 0.5 ? pick(random, parts.auth) : pick(random, parts.badAuth),
      host: random() < 0.5 ? pick(random, parts.hosts) : pick(random, parts.badHosts),
      origin: random() < 0.5 ? pick(random, parts.origins) : pick(random, parts.badOrigins),
    };
    const allGood =
      c.path === '/api' &&
      parts.auth.includes(c.auth) &&
      parts.hosts.includes(c.host) &&
      parts.origins.includes(c.origin);
    cases.push({ ...c, expect: allGood ? 'accept' : 'refuse' });
  }
  await runPool(cases, CONCURRENCY, async (c) => {
    const text = upgradeRequest({
      path: c.path + c.auth.query,
      host: c.host,
      origin: c.origin,
      cookie: c.auth.cookie,
      extraHeaders: c.auth.headers ?? [],
    });
    const { status, timedOut } = await rawHttp(host.port, text, { timeoutMs: 5000, stopAtHeaders: true });
    const label = `upgrade ${c.path}${c.auth.query.slice(0, 20)} auth=${c.auth.name} Host=${c.host} Origin=${c.origin}`;
    const detail = `status ${status ?? 'none'}${timedOut ? ' (timed out)' : ''}`;
    const outcome = status === 101 ? 'accepted' : status === null && timedOut ? 'unanswered' : 'refused';
    if (c.expect === 'accept') tally.accept(label, outcome, detail);
    else tally.refuse(label, outcome, detail);
  });
}

function upgradeParts(host) {
  const { port, token } = host;
  const other = randomBytes(32).toString('hex');
  const auth = [
    { name: 'query', query: `?token=${token}` },
    { name: 'cookie', query: '', cookie: `atlas_session_${port}=${token}` },
  ];
  const badAuth = [
    { name: 'none', query: '' },
    { name: 'empty', query: '?token=' },
    { name: 'wrong', query: `?token=${other}` },
    { name: 'short', query: `?token=${token.slice(0, -1)}` },
    { name: 'long', query: `?token=${token}0` },
    { name: 'upper', query: `?token=${token.toUpperCase()}` },
    { name: 'first-wrong', query: `?token=${other}&token=${token}` },
    { name: 'name-case', query: `?TOKEN=${token}` },
    { name: 'code', query: `?code=${token}` },
    { name: 'cookie-other-port', query: '', cookie: `atlas_session_${port + 1}=${token}` },
    { name: 'cookie-no-port', query: '', cookie: `atlas_session=${token}` },
    { name: 'cookie-wrong', query: '', cookie: `atlas_session_${port}=${other}` },
    { name: 'bearer', query: '', headers: [`Authorization: Bearer ${token}`] },
    { name: 'subprotocol', query: '', headers: [`Sec-WebSocket-Protocol: ${token}`] },
    { name: 'path', query: `/${token}` },
  ];
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const badHosts = [
    null,
    '',
    'evil.example',
    `evil.example:${port}`,
    '127.0.0.1',
    `127.0.0.1:${port + 1}`,
    `[::1]:${port}`,
    `0.0.0.0:${port}`,
    `LOCALHOST:${port}`,
    `localhost.:${port}`,
    `127.0.0.1:${port}.evil.example`,
  ];
  const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  const badOrigins = [
    null,
    '',
    'null',
    'http://evil.example',
    `http://evil.example:${port}`,
    'http://127.0.0.1',
    `http://127.0.0.1:${port + 1}`,
    `https://127.0.0.1:${port}`,
    `ws://127.0.0.1:${port}`,
    `http://127.0.0.1:${port}/`,
    `http://LOCALHOST:${port}`,
    `http://localhost.:${port}`,
    `http://[::1]:${port}`,
    `http://0.0.0.0:${port}`,
    `http://127.1:${port}`,
    `http://127.0.0.1:${port}.evil.example`,
    `http://evil.example@127.0.0.1:${port}`,
    'file://',
    'chrome-extension://abcdefghijklmnop',
  ];
  const badPaths = ['/', '/api/', '/API', '/apix', '/%61pi', '//api', '/api;x', '/api/x', '/index.html'];
  return { auth, badAuth, hosts, badHosts, origins, badOrigins, badPaths };
}
