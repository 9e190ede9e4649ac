// Category 3a: malformed messages on an authorised WebSocket. A frame the wire codec cannot read
// (shared/wire.ts) has no id to answer, so the host must close that connection; a frame it can read
// but that holds no valid request must get an error answer. Never an ok answer, never a crash.
// Each attack uses a fresh connection, since a refused frame ends its connection.
import { openClient, outcomeOf } from './api-client.mjs';
import { rssMb } from './host-process.mjs';
import { pick, randomBytesFrom, randomInt, runPool, sleep } from './pool.mjs';
import { probeRawFrame, wsFrame } from './raw-socket.mjs';
import { rawFrame } from './wire.mjs';

const CONCURRENCY = 6;
/** Nesting depth of the header bomb whose cost is measured (an 8 MiB frame; the cap is 65 MiB). */
const MEASURED_BOMB_DEPTH = 4 * 1024 * 1024;

/** Runs the malformed-message attacks against `host`; returns how many there were. */
export async function frameAttacks(host, { codec, random, tally }) {
  const wireCases = [...wireFormatCases(random), ...typedTagCases(random), ...bombCases()];
  await runPool(wireCases, CONCURRENCY, async (c) => {
    let client;
    try {
      client = await openClient(host, codec);
    } catch (err) {
      return tally.fault('unexpectedRefusals', `connect for ${c.label}`, err.message);
    }
    const answer = await client.sendFrame(c.payload, null, 10_000);
    // A close is an answer too: ws closes after reporting the close code.
    const outcome = outcomeOf(answer);
    tally.refuse(c.label, outcome, answer.detail ?? answer.kind);
    await client.close();
  });
  const protocolCases = webSocketProtocolCases(random);
  await runPool(protocolCases, CONCURRENCY, async (c) => {
    let outcome;
    try {
      outcome = await probeRawFrame(host, c.bytes, c.mayWait ? 2000 : 10_000);
    } catch (err) {
      return tally.fault('unexpectedRefusals', `connect for ${c.label}`, err.message);
    }
    // A random prefix may be the start of a frame longer than what was sent: the host then waits
    // for the rest (bounded by its frame cap), which is not a fault.
    const waited = outcome === 'unanswered' && c.mayWait;
    const verdict =
      outcome === 'answered' ? 'accepted' : outcome === 'closed' || waited ? 'refused' : 'unanswered';
    tally.refuse(c.label, verdict, outcome);
  });
  await measureHeaderBomb(host, codec, tally);
}

/**
 * Sends one 8 MiB header of nested arrays and reports what it costs the host: its RSS peak over
 * the level before, and how long a model:current from another connection waited meanwhile. Why
 * measured: the header is parsed whole before any check, so its cost grows with the frame cap.
 */
async function measureHeaderBomb(host, codec, tally) {
  const frame = rawFrame('['.repeat(MEASURED_BOMB_DEPTH) + ']'.repeat(MEASURED_BOMB_DEPTH));
  const before = rssMb(host.pid) ?? 0;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(host.pid) ?? 0)), 20);
  const attacker = await openClient(host, codec);
  const other = await openClient(host, codec);
  const answered = attacker.sendFrame(frame, null, 60_000);
  await sleep(50); // the frame is on its way (local, ~10 ms): the control request queues behind it
  const startedAt = Date.now();
  const control = await other.request('model:current', undefined, 60_000);
  const waitedMs = Date.now() - startedAt;
  const outcome = outcomeOf(await answered);
  await sleep(500);
  clearInterval(sampler);
  tally.refuse(
    `header depth bomb of ${MEASURED_BOMB_DEPTH} (measured)`,
    outcome,
    attacker.closeInfo?.reason ?? '',
  );
  tally.accept(
    'model:current beside a header bomb',
    control.kind === 'ok' ? 'accepted' : 'refused',
    control.detail ?? control.kind,
  );
  await Promise.all([attacker.close(), other.close()]);
  tally.extra.headerBombFrameMb = Math.round(frame.length / 1024 / 1024);
  tally.extra.headerBombRssPeakGrowthMb = Math.round(peak - before);
  tally.extra.headerBombStallMs = waitedMs;
}

const req = (extra = {}) => JSON.stringify({ t: 'req', id: 1, name: 'model:current', ...extra });

/** Frames the codec must refuse: wrong lengths, bad JSON, text frames, no valid request envelope. */
function wireFormatCases(random) {
  const cases = [];
  for (let i = 0; i < 250; i++) {
    const length = pick(random, [0, 1, 2, 3, 4, 5, 8, randomInt(random, 0, 64), randomInt(random, 0, 4096)]);
    cases.push({ label: `random bytes (${length})`, payload: Buffer.from(randomBytesFrom(random, length)) });
  }
  for (let i = 0; i < 60; i++) {
    const header = req();
    const declared = pick(random, [
      header.length + 1,
      header.length + 100,
      2 ** 31,
      2 ** 32 - 1,
      randomInt(random, header.length + 1, 1e9),
    ]);
    cases.push({
      label: `header length ${declared} past the frame`,
      payload: rawFrame(header, undefined, declared),
    });
  }
  for (let i = 0; i < 60; i++) {
    const header = req();
    const cut = randomInt(random, 0, header.length - 1);
    cases.push({ label: `truncated header JSON at ${cut}`, payload: rawFrame(header.slice(0, cut)) });
  }
  const badJson = [
    '',
    '{',
    'nul',
    "{'t':'req'}",
    '{"t":"req",}',
    'undefined',
    'NaN',
    '\u0000',
    '{"t":"req","id":1,"name":"model:current"}}',
  ];
  for (const text of badJson)
    cases.push({ label: `invalid JSON ${JSON.stringify(text)}`, payload: rawFrame(text) });
  for (let i = 0; i < 30; i++) {
    cases.push({
      label: `non-UTF-8 header #${i}`,
      payload: rawFrame(Buffer.from(randomBytesFrom(random, randomInt(random, 1, 200)))),
    });
  }
  const envelopes = [
    'null',
    '1',
    '"req"',
    '[]',
    JSON.stringify({ t: 'res', id: 1, ok: true, result: null }),
    JSON.stringify({ t: 'evt', name: 'model:changed', payload: {} }),
    JSON.stringify({ id: 1, name: 'model:current' }),
    JSON.stringify({ t: 'REQ', id: 1, name: 'model:current' }),
    req({ id: undefined }),
    req({ id: null }),
    req({ id: 1.5 }),
    req({ id: '1' }),
    req({ id: 2 ** 53 }),
    req({ id: 1e300 }),
    req({ id: [1] }),
    req({ id: { $num: 'NaN' } }),
    req({ id: { $num: 'Infinity' } }),
    req({ id: { $typed: 'u8', o: 0, n: 0 } }),
  ];
  for (const header of envelopes)
    cases.push({ label: `envelope ${header.slice(0, 80)}`, payload: rawFrame(header) });
  // Valid requests as text frames: the host reads binary frames only.
  for (let i = 0; i < 40; i++) {
    const text = pick(random, [
      req(),
      req({ id: i + 2 }),
      JSON.stringify({ t: 'req', id: 3, name: 'app:info' }),
      'hello',
      '',
    ]);
    cases.push({ label: `text frame ${text.slice(0, 40)}`, payload: text });
  }
  return cases;
}

/** `$typed` tags that point outside the frame, overlap, or lie about their length. */
function typedTagCases(random) {
  const cases = [];
  const tagFrame = (tags, dataBytes) => {
    const header = JSON.stringify({
      t: 'req',
      id: 1,
      name: 'model:decode',
      arg: { z: tags[0], more: tags.slice(1) },
    });
    return rawFrame(header, new Uint8Array(dataBytes));
  };
  for (let i = 0; i < 60; i++) {
    const dataBytes = randomInt(random, 0, 64) * 4;
    const o = randomInt(random, 0, dataBytes + 64);
    const n = pick(random, [
      dataBytes - o + 4,
      dataBytes + 4,
      2 ** 31,
      2 ** 40,
      Number.MAX_SAFE_INTEGER,
      1e21,
    ]);
    if (o + n <= dataBytes) continue;
    cases.push({
      label: `tag o=${o} n=${n} past ${dataBytes} data bytes`,
      payload: tagFrame([{ $typed: 'f32', o, n }], dataBytes),
    });
  }
  for (let i = 0; i < 60; i++) {
    const dataBytes = randomInt(random, 1, 256) * 1024;
    const count = pick(random, [2, 3, 16, 128, 512, 4096]);
    const tags = Array.from({ length: count }, () => ({
      $typed: pick(random, ['f32', 'u8']),
      o: 0,
      n: dataBytes,
    }));
    cases.push({ label: `${count} tags on one ${dataBytes}-byte blob`, payload: tagFrame(tags, dataBytes) });
  }
  for (let i = 0; i < 30; i++) {
    const tags = [
      { $typed: 'f32', o: 0, n: 16 },
      { $typed: 'u8', o: randomInt(random, 1, 15), n: 8 },
    ];
    cases.push({ label: `partly overlapping tags #${i}`, payload: tagFrame(tags, 32) });
  }
  for (const n of [1, 2, 3, 5, 7, 4093]) {
    cases.push({ label: `f32 tag of ${n} bytes`, payload: tagFrame([{ $typed: 'f32', o: 0, n }], 4096) });
  }
  // Tags the codec leaves as plain objects (not whole numbers, unknown kinds): the request's
  // validation must refuse them instead.
  const odd = [
    { $typed: 'f32', o: -4, n: 8 },
    { $typed: 'f32', o: 0.5, n: 8 },
    { $typed: 'f32', o: '0', n: '8' },
    { $typed: 'f64', o: 0, n: 8 },
    { $typed: 'i32', o: 0, n: 8 },
    { $typed: 'f32', o: 0 },
    { $typed: 'f32', o: 0, n: 8, extra: 1 },
    { $typed: null, o: 0, n: 8 },
  ];
  for (const tag of odd)
    cases.push({ label: `odd tag ${JSON.stringify(tag)}`, payload: tagFrame([tag], 64) });
  return cases;
}

/** Deeply nested JSON in the header: parsing must fail or the request be refused, never crash. */
function bombCases() {
  const cases = [];
  for (const depth of [1_000, 10_000, 100_000, 1_000_000]) {
    cases.push({
      label: `array depth bomb ${depth}`,
      payload: rawFrame('['.repeat(depth) + ']'.repeat(depth)),
    });
    cases.push({
      label: `object depth bomb ${depth} in arg`,
      payload: rawFrame(
        `{"t":"req","id":1,"name":"model:decode","arg":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
      ),
    });
    cases.push({
      label: `unclosed depth bomb ${depth}`,
      payload: rawFrame(`{"t":"req","id":1,"name":"model:current","arg":${'['.repeat(depth)}`),
    });
  }
  const wide = `[${'0,'.repeat(1_000_000)}0]`;
  cases.push({
    label: 'a million values in arg',
    payload: rawFrame(`{"t":"req","id":1,"name":"model:decode","arg":${wide}}`),
  });
  const numTags = `[${'{"$num":"NaN"},'.repeat(200_000)}1]`;
  cases.push({
    label: '200,000 $num tags in arg',
    payload: rawFrame(`{"t":"req","id":1,"name":"model:decode","arg":{"z":${numTags}}}`),
  });
  return cases;
}

/** WebSocket frames that break RFC 6455: the ws library must close the connection, not the host. */
function webSocketProtocolCases(random) {
  const cases = [];
  const payload = Buffer.from('hello');
  for (const opcode of [3, 4, 5, 6, 7, 0xb, 0xc, 0xd, 0xe, 0xf]) {
    cases.push({ label: `reserved opcode ${opcode}`, bytes: wsFrame(opcode, payload) });
  }
  for (const rsv of [1, 2, 3, 4, 7])
    cases.push({ label: `RSV bits ${rsv}`, bytes: wsFrame(2, payload, { rsv }) });
  cases.push({ label: 'unmasked client frame', bytes: wsFrame(2, payload, { masked: false }) });
  cases.push({ label: 'ping of 200 bytes', bytes: wsFrame(9, Buffer.alloc(200)) });
  cases.push({ label: 'fragmented ping', bytes: wsFrame(9, payload, { fin: false }) });
  cases.push({ label: 'continuation first', bytes: wsFrame(0, payload) });
  cases.push({
    label: 'new message inside a fragmented one',
    bytes: Buffer.concat([wsFrame(2, payload, { fin: false }), wsFrame(2, payload)]),
  });
  cases.push({ label: 'close with 1-byte body', bytes: wsFrame(8, Buffer.from([3])) });
  for (const code of [0, 999, 1004, 1005, 1006, 1015, 2999, 5000, 65535]) {
    const body = Buffer.alloc(2);
    body.writeUInt16BE(code);
    cases.push({ label: `close code ${code}`, bytes: wsFrame(8, body) });
  }
  cases.push({
    label: 'text frame with invalid UTF-8',
    bytes: wsFrame(1, Buffer.from([0xff, 0xfe, 0xc0, 0x80])),
  });
  for (const declaredLength of [2 ** 53, 2 ** 62, 65 * 1024 * 1024 + 1, 2 ** 31]) {
    cases.push({
      label: `declared length ${declaredLength}`,
      bytes: wsFrame(2, payload, { declaredLength }),
    });
  }
  for (let i = 0; i < 40; i++) {
    const bytes = Buffer.from(randomBytesFrom(random, randomInt(random, 1, 512)));
    cases.push({ label: `random WebSocket bytes #${i}`, bytes, mayWait: true });
  }
  return cases;
}
