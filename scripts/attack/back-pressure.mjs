// Category 4: clients that make the host hold memory. A client that sends decodes and never reads
// the answers must not make the host buffer them all (40 × 4,096 codes would be 640 MB of images);
// a burst of requests on one connection is capped (answered 'busy' past the cap, never dropped);
// connections opened and dropped in every state leave no open sockets behind.
import { openClient } from './api-client.mjs';
import { fdCount, rssMb } from './host-process.mjs';
import { pick, randomInt, runPool, sleep } from './pool.mjs';
import { openRawWebSocket, upgradeRequest, wsFrame } from './raw-socket.mjs';
import { connect } from 'node:net';

const PAUSED_DECODES = 40;
const CODES_PER_DECODE = 4096;
const BURST = 100;
const CHURN_CONNECTIONS = 300;
/** How long the paused client keeps its requests unanswered while the host's memory is watched. */
const PAUSED_WATCH_MS = 8000;

export async function backPressureAttacks(host, { codec, random, tally }) {
  await pausedReader(host, codec, tally);
  await burst(host, codec, random, tally);
  await churn(host, codec, random, tally);
}

async function pausedReader(host, codec, tally) {
  const before = rssMb(host.pid);
  const raw = await openRawWebSocket(host);
  // Why pause: the kernel's receive buffer fills, then the host's send buffer grows; that growth is
  // what the host must bound.
  raw.socket.pause();
  for (let i = 0; i < PAUSED_DECODES; i++) {
    const z = new Float32Array(2 * CODES_PER_DECODE).map((_, j) => ((j % 97) / 97) * 4 - 2);
    raw.socket.write(
      wsFrame(2, Buffer.from(codec.encodeMessage({ t: 'req', id: i + 1, name: 'model:decode', arg: { z } }))),
    );
    tally.attack();
  }
  let peak = before;
  const watchUntil = Date.now() + PAUSED_WATCH_MS;
  let probed = false;
  while (Date.now() < watchUntil) {
    await sleep(200);
    peak = Math.max(peak, rssMb(host.pid) ?? 0);
    if (!probed && Date.now() > watchUntil - PAUSED_WATCH_MS / 2) {
      probed = true;
      // Another page's requests keep being answered while one client sits on its answers.
      const other = await openClient(host, codec);
      const answer = await other.request('model:current', undefined, 10_000);
      tally.accept(
        'model:current beside a paused reader',
        answer.kind === 'ok' ? 'accepted' : 'refused',
        answer.detail ?? answer.kind,
      );
      await other.close();
    }
  }
  raw.socket.destroy();
  await sleep(2000);
  const after = rssMb(host.pid);
  tally.extra.pausedReaderRssBeforeMb = round(before);
  tally.extra.pausedReaderRssPeakGrowthMb = round(peak - before);
  tally.extra.pausedReaderRssGrowthAfterCloseMb = round((after ?? 0) - before);
}

async function burst(host, codec, random, tally) {
  const client = await openClient(host, codec);
  const answers = await Promise.all(
    Array.from({ length: BURST }, () => {
      const z = Float32Array.from({ length: 512 }, () => random() * 4 - 2);
      return client.request('model:decode', { z }, 30_000);
    }),
  );
  let busy = 0;
  answers.forEach((answer, i) => {
    tally.attack();
    if (answer.kind === 'ok') return;
    if (answer.error?.code === 'busy') busy++;
    else if (answer.kind === 'timeout') tally.fault('unanswered', `burst request ${i}`, answer.detail);
    else tally.fault('unexpectedRefusals', `burst request ${i}`, answer.detail ?? answer.kind);
  });
  tally.extra.burstAnsweredBusy = busy;
  tally.extra.burstAnsweredOk = answers.filter((a) => a.kind === 'ok').length;
  await client.close();
}

/** Connections dropped at every stage: mid-handshake, mid-frame, with requests in flight, cleanly. */
async function churn(host, codec, random, tally) {
  const fdsBefore = fdCount(host.pid);
  const ways = [
    async () => (await openClient(host, codec)).close(),
    async () => {
      const client = await openClient(host, codec);
      void client.request('model:decode', { z: new Float32Array(2 * 1024) });
      void client.request('model:codes', { split: 'val' });
      await client.close();
    },
    async () => {
      const client = await openClient(host, codec);
      client.socket.close(1000, 'bye');
      await client.closed;
    },
    async () => {
      const raw = await openRawWebSocket(host);
      // Half of a frame, then gone.
      const frame = wsFrame(2, Buffer.from(codec.encodeMessage({ t: 'req', id: 1, name: 'model:current' })));
      raw.socket.end(frame.subarray(0, randomInt(random, 1, frame.length - 1)));
      raw.socket.destroy();
    },
    () =>
      new Promise((resolve) => {
        // The upgrade request cut off before its end.
        const socket = connect({ host: '127.0.0.1', port: host.port }, () => {
          const text = upgradeRequest({
            path: `/api?token=${host.token}`,
            host: `127.0.0.1:${host.port}`,
            origin: host.origin,
          });
          socket.end(text.slice(0, randomInt(random, 1, text.length - 5)));
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 20);
        });
        socket.on('error', () => resolve());
      }),
  ];
  await runPool(
    Array.from({ length: CHURN_CONNECTIONS }, () => pick(random, ways)),
    8,
    async (way) => {
      tally.attack();
      try {
        await way();
      } catch (err) {
        tally.fault('unexpectedRefusals', 'churn connection', err.message);
      }
    },
  );
  await sleep(3000);
  const fdsAfter = fdCount(host.pid);
  tally.extra.churnHostFdGrowth = fdsAfter - fdsBefore;
}

const round = (mb) => Math.round(mb * 10) / 10;
