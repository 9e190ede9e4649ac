// Category 1: plain HTTP against the host. Without the session token (in the URL, or the session
// cookie for this port) nothing is served; with a Host header other than our loopback address and
// port nothing is served (DNS rebinding); no method but GET and HEAD is served; and no path, however
// encoded, reaches a file outside the built renderer. See main/host/server.ts and auth.ts.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pick, randomBytesFrom, randomInt, runPool } from './pool.mjs';
import { rawHttp } from './raw-socket.mjs';

const CONCURRENCY = 12;

/** Runs every HTTP attack against `host` and records each in `tally`. */
export async function httpAttacks(host, { root, random, tally }) {
  const rendererHashes = hashesOf(join(root, 'dist/renderer'));
  const assetPath = firstAsset(join(root, 'dist/renderer/assets'));
  const cases = [
    ...controlCases(host, assetPath),
    ...tokenCases(host, assetPath),
    ...hostHeaderCases(host, random),
    ...originCases(host),
    ...methodCases(host),
    ...traversalCases(host),
    ...oversizeCases(host),
    ...garbageCases(host, random),
    ...loginCodeCases(host),
  ];
  await runPool(cases, CONCURRENCY, async (c) => {
    const response = await rawHttp(host.port, c.request, { timeoutMs: 5000 });
    judge(c, response, rendererHashes, tally);
  });
}

/**
 * What a case expects: 'accept' (a control: served, 200), 'refuse' (nothing served: no 2xx, no
 * redirect) or 'renderer-only' (a 2xx only with the bytes of a file of the built renderer).
 */
function judge(c, response, rendererHashes, tally) {
  const { status, body, timedOut } = response;
  const detail = `status ${status ?? 'none'}${timedOut ? ' (timed out)' : ''}, ${body.length} bytes`;
  const served = status !== null && status >= 200 && status < 400;
  if (c.expect === 'accept') return tally.accept(c.label, status === 200 ? 'accepted' : 'refused', detail);
  if (status === null && timedOut) return tally.refuse(c.label, 'unanswered', detail);
  if (c.expect === 'refuse') return tally.refuse(c.label, served ? 'accepted' : 'refused', detail);
  const outside = status >= 200 && status < 300 && body.length > 0 && !rendererHashes.has(sha256(body));
  tally.refuse(
    c.label,
    outside ? 'accepted' : 'refused',
    `${detail}: ${body.subarray(0, 60).toString('latin1')}`,
  );
}

function request(host, { method = 'GET', path = '/', hostHeader, headers = [], version = 'HTTP/1.1' }) {
  const hostLine = hostHeader === null ? [] : [`Host: ${hostHeader ?? `127.0.0.1:${host.port}`}`];
  return [`${method} ${path} ${version}`, ...hostLine, ...headers, 'Connection: close', '', ''].join('\r\n');
}

const cookieOf = (host, token = host.token, port = host.port) => `Cookie: atlas_session_${port}=${token}`;

function controlCases(host, assetPath) {
  const t = host.token;
  return [
    { label: 'control: GET /?token', request: request(host, { path: `/?token=${t}` }), expect: 'accept' },
    {
      label: 'control: HEAD /?token',
      request: request(host, { method: 'HEAD', path: `/?token=${t}` }),
      expect: 'accept',
    },
    {
      label: 'control: GET asset with cookie',
      request: request(host, { path: assetPath, headers: [cookieOf(host)] }),
      expect: 'accept',
    },
    {
      label: 'control: Host localhost',
      request: request(host, { path: `/index.html?token=${t}`, hostHeader: `localhost:${host.port}` }),
      expect: 'accept',
    },
  ];
}

/** Ways of presenting no token, a wrong one, or the right one where the host must not look. */
function wrongTokens(host) {
  const t = host.token;
  const flip = (i) => t.slice(0, i) + (t[i] === '0' ? '1' : '0') + t.slice(i + 1);
  const other = randomBytes(32).toString('hex');
  return [
    { query: '', headers: [] },
    { query: '?token=', headers: [] },
    { query: `?token=${other}`, headers: [] },
    { query: `?token=${t.slice(0, -1)}`, headers: [] },
    { query: `?token=${t}0`, headers: [] },
    { query: `?token=${t.toUpperCase()}`, headers: [] },
    ...[0, 7, 31, 40, 63].map((i) => ({ query: `?token=${flip(i)}`, headers: [] })),
    { query: `?Token=${t}`, headers: [] },
    { query: `?token%3D${t}`, headers: [] },
    { query: `?token[]=${t}`, headers: [] },
    { query: `?tokens=${t}`, headers: [] },
    { query: `?x=${t}`, headers: [] },
    { query: `?token=${other}&token=${t}`, headers: [] },
    { query: `?token=%20${t}`, headers: [] },
    { query: `?token=${t}%00`, headers: [] },
    { query: `#token=${t}`, headers: [] },
    { query: `;token=${t}`, headers: [] },
    { query: `?code=${t}`, headers: [] },
    { query: '', headers: [`Authorization: Bearer ${t}`] },
    { query: '', headers: [`X-Token: ${t}`] },
    { query: '', headers: [`Cookie: atlas_session=${t}`] },
    { query: '', headers: [cookieOf(host, t, host.port + 1)] },
    { query: '', headers: [cookieOf(host, other)] },
    { query: '', headers: [`Cookie: atlas_session_${host.port}= ${t}`] },
    { query: '', headers: [`Cookie: ATLAS_SESSION_${host.port}=${t}`] },
    { query: '', headers: [`Referer: http://127.0.0.1:${host.port}/?token=${t}`] },
  ];
}

function tokenCases(host, assetPath) {
  const paths = ['/', '/index.html', assetPath, '/api', '/favicon.ico', '/nonexistent', `/${host.token}`];
  const cases = [];
  for (const path of paths) {
    for (const { query, headers } of wrongTokens(host)) {
      for (const method of ['GET', 'HEAD']) {
        cases.push({
          label: `${method} ${path}${query} ${headers.join(' ')}`,
          request: request(host, { method, path: path + query, headers }),
          expect: 'refuse',
        });
      }
    }
  }
  return cases;
}

function badHostHeaders(port, random) {
  const other = port === 65535 ? port - 1 : port + 1;
  return [
    'evil.example',
    `evil.example:${port}`,
    '127.0.0.1',
    'localhost',
    `127.0.0.1:${other}`,
    `localhost:${other}`,
    `[::1]:${port}`,
    `0.0.0.0:${port}`,
    `127.0.0.2:${port}`,
    `127.1:${port}`,
    `2130706433:${port}`,
    `LOCALHOST:${port}`,
    `localhost.:${port}`,
    `127.0.0.1:${port}.evil.example`,
    `127.0.0.1:${port}@evil.example`,
    `evil.example@127.0.0.1:${port}`,
    `127.0.0.1:0${port}`,
    `127.0.0.1:${port}/`,
    ` 127.0.0.1:${port}x`,
    '',
    null,
    `${randomInt(random, 1, 254)}.${randomInt(random, 0, 255)}.0.1:${port}`,
  ];
}

function hostHeaderCases(host, random) {
  const cases = [];
  for (const hostHeader of badHostHeaders(host.port, random)) {
    for (const auth of ['query', 'cookie']) {
      for (const path of ['/', '/index.html', '/nonexistent']) {
        const query = auth === 'query' ? `?token=${host.token}` : '';
        const headers = auth === 'cookie' ? [cookieOf(host)] : [];
        cases.push({
          label: `Host "${hostHeader}" ${auth} ${path}`,
          request: request(host, { path: path + query, hostHeader, headers }),
          expect: 'refuse',
        });
      }
    }
  }
  // Two Host headers, the first or the second ours.
  const ours = `127.0.0.1:${host.port}`;
  for (const pair of [
    [ours, 'evil.example'],
    ['evil.example', ours],
  ]) {
    cases.push({
      label: `two Host headers ${pair.join(', ')} without token`,
      request: request(host, { path: '/', hostHeader: pair[0], headers: [`Host: ${pair[1]}`] }),
      expect: 'refuse',
    });
  }
  return cases;
}

function originCases(host) {
  const origins = [
    'http://evil.example',
    'null',
    `http://127.0.0.1:${host.port + 1}`,
    `https://127.0.0.1:${host.port}`,
    'file://',
    `http://127.0.0.1:${host.port}`,
  ];
  const cases = [];
  for (const origin of origins) {
    for (const path of ['/', '/index.html', '/api']) {
      cases.push({
        label: `Origin ${origin} ${path} without token`,
        request: request(host, { path, headers: [`Origin: ${origin}`] }),
        expect: 'refuse',
      });
      cases.push({
        label: `Origin ${origin} POST ${path} with cookie`,
        request: request(host, {
          method: 'POST',
          path,
          headers: [`Origin: ${origin}`, cookieOf(host), 'Content-Length: 0'],
        }),
        expect: 'refuse',
      });
    }
  }
  return cases;
}

function methodCases(host) {
  const methods = [
    'POST',
    'PUT',
    'DELETE',
    'OPTIONS',
    'TRACE',
    'PATCH',
    'PROPFIND',
    'MKCOL',
    'COPY',
    'FOO',
    'CONNECT',
  ];
  const cases = [];
  for (const method of methods) {
    for (const path of ['/', '/index.html', '/api', '/nonexistent']) {
      for (const auth of ['query', 'cookie', 'none']) {
        const query = auth === 'query' ? `?token=${host.token}` : '';
        const headers = [...(auth === 'cookie' ? [cookieOf(host)] : []), 'Content-Length: 4'];
        const target = method === 'CONNECT' ? `127.0.0.1:${host.port}` : path + query;
        cases.push({
          label: `${method} ${target} (${auth})`,
          request: request(host, { method, path: target, headers }) + 'abcd',
          expect: 'refuse',
        });
      }
    }
  }
  return cases;
}

/** Ways to climb out of the renderer folder, each `depth` levels, then the target. */
const CLIMBS = [
  '../',
  '..%2f',
  '..%2F',
  '%2e%2e/',
  '%2e%2e%2f',
  '.%2e/',
  '%2e./',
  '%252e%252e/',
  '%252e%252e%252f',
  '..%252f',
  '..\\',
  '..%5c',
  '%2e%2e%5c',
  '..;/',
  '%c0%ae%c0%ae/',
  '%c0%af..',
  '....//',
  '..%00/',
  '..%u2215',
  './../',
  'assets/../../',
  '.../',
];
const TARGETS = [
  'package.json',
  'dist/main/start.cjs',
  'main/host/auth.ts',
  'assets/models/index.json',
  'etc/passwd',
  'proc/self/environ',
  'index.html%00.png',
  'windows/win.ini',
];

function traversalCases(host) {
  const cases = [];
  for (const climb of CLIMBS) {
    for (let depth = 1; depth <= 6; depth++) {
      for (const target of TARGETS) {
        const path = `/${climb.repeat(depth)}${target}`;
        cases.push({
          label: `traversal GET ${path}?token`,
          request: request(host, { path: `${path}?token=${host.token}` }),
          expect: 'renderer-only',
        });
        if (depth % 2 === 0) {
          cases.push({
            label: `traversal GET ${path} (cookie)`,
            request: request(host, { path, headers: [cookieOf(host)] }),
            expect: 'renderer-only',
          });
        }
      }
    }
  }
  const absolute = [
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/%2Fetc/passwd',
    '/\\etc\\passwd',
    '/C:\\Windows\\win.ini',
    '/C:/Windows/win.ini',
    `/${process.cwd().slice(1)}/package.json`,
    '/%00',
    '/index.html%00',
    '/assets%00/../package.json',
    '/./././index.html',
    'http://evil.example/../../package.json',
    '*',
    '/\x00/etc/passwd',
    '/%2e%2e',
    '/..',
  ];
  for (const path of absolute) {
    for (const auth of ['query', 'cookie']) {
      cases.push({
        label: `absolute GET ${JSON.stringify(path)} (${auth})`,
        request: request(host, {
          path: auth === 'query' ? `${path}?token=${host.token}` : path,
          headers: auth === 'cookie' ? [cookieOf(host)] : [],
        }),
        expect: 'renderer-only',
      });
    }
  }
  return cases;
}

function oversizeCases(host) {
  const t = host.token;
  const cases = [];
  for (const size of [8_000, 16_000, 17_000, 64_000, 256_000, 1_000_000]) {
    const pad = 'A'.repeat(size);
    cases.push({
      label: `URL of ${size} chars, no token`,
      request: request(host, { path: `/?pad=${pad}` }),
      expect: 'refuse',
    });
    cases.push({
      label: `URL of ${size} chars with token`,
      request: request(host, { path: `/?token=${t}&pad=${pad}` }),
      expect: 'renderer-only',
    });
    cases.push({
      label: `header of ${size} chars, no token`,
      request: request(host, { path: '/', headers: [`X-Pad: ${pad}`] }),
      expect: 'refuse',
    });
    cases.push({
      label: `cookie of ${size} chars`,
      request: request(host, { path: '/', headers: [`Cookie: a=${pad}; ${cookieOf(host, 'x').slice(8)}`] }),
      expect: 'refuse',
    });
    cases.push({
      label: `token of ${size} chars`,
      request: request(host, { path: `/?token=${t}${pad}` }),
      expect: 'refuse',
    });
  }
  for (const count of [100, 500, 2000]) {
    const headers = Array.from({ length: count }, (_, i) => `X-H${i}: ${'v'.repeat(20)}`);
    cases.push({
      label: `${count} headers, no token`,
      request: request(host, { path: '/', headers }),
      expect: 'refuse',
    });
    cases.push({
      label: `${count} headers with token`,
      request: request(host, { path: `/?token=${t}`, headers }),
      expect: 'renderer-only',
    });
  }
  return cases;
}

function garbageCases(host, random) {
  const t = host.token;
  const fixed = [
    'GET\r\n\r\n',
    'GET / HTTP/9.9\r\n\r\n',
    `GET /?token=${t} HTTP/2.0\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`,
    `GET /?token=${t}\r\n\r\n`,
    '\r\n\r\n',
    `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n`,
    `POST /?token=${t} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /?token=${t} HTTP/1.1\r\nHost: evil.example\r\n\r\n`,
    `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Length: -1\r\n\r\n`,
    `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nBad Header\r\n\r\n`,
    `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX: a\x00b\r\n\r\n`,
    `GET /\x7f HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`,
    `GET\t/?token=${t}\tHTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`,
    `GET /?token=${t} HTTP/1.1\nHost: evil.example\n\n`,
    `GET /?token=${t} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n evil.example\r\n\r\n`,
  ];
  const cases = fixed.map((text, i) => ({
    label: `malformed request #${i}: ${JSON.stringify(text.slice(0, 60))}`,
    request: text.replace(/\r\n\r\n$/, '\r\nConnection: close\r\n\r\n'),
    // With the token and our Host the host may serve the page (it parses what it can); never more.
    expect: text.includes(t) && !text.includes('evil') ? 'renderer-only' : 'refuse',
  }));
  for (let i = 0; i < 60; i++) {
    const bytes = Buffer.from(randomBytesFrom(random, randomInt(random, 1, 2048)));
    cases.push({
      label: `random bytes #${i} (${bytes.length})`,
      request: Buffer.concat([bytes, Buffer.from('\r\n\r\n')]),
      expect: 'refuse',
    });
  }
  for (let i = 0; i < 40; i++) {
    const method = pick(random, ['GET', 'HEAD', 'POST']);
    const junk = Buffer.from(randomBytesFrom(random, randomInt(random, 1, 64)))
      .toString('latin1')
      .replace(/[\r\n]/g, '');
    cases.push({
      label: `junk path #${i}`,
      request: `${method} /${junk} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`,
      expect: 'refuse',
    });
  }
  return cases;
}

function loginCodeCases(host) {
  const cases = [];
  const codes = [
    '',
    'x',
    randomBytes(32).toString('hex'),
    randomBytes(64).toString('hex'),
    host.token,
    '%00',
    'null',
    'undefined',
  ];
  for (const code of codes) {
    for (const method of ['GET', 'POST', 'HEAD']) {
      cases.push({
        label: `${method} /?code=${code.slice(0, 12)}`,
        request: request(host, { method, path: `/?code=${code}`, headers: ['Content-Length: 0'] }),
        expect: 'refuse',
      });
    }
    cases.push({
      label: `GET /?code=${code.slice(0, 12)}&token=<token>`,
      request: request(host, { path: `/?code=${code}&token=${host.token}` }),
      expect: 'refuse',
    });
  }
  return cases;
}

function hashesOf(dir) {
  const hashes = new Set();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const h of hashesOf(path)) hashes.add(h);
    else hashes.add(sha256(readFileSync(path)));
  }
  return hashes;
}

function firstAsset(dir) {
  const name = readdirSync(dir).find((n) => n.endsWith('.js'));
  return `/assets/${name}`;
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}
