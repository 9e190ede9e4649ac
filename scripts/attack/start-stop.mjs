// Category 7: starting and stopping. The host started as `npm start -- --no-window` runs it must
// exit within a few seconds of SIGTERM, SIGINT or SIGHUP (also when SIGINT comes during startup),
// close its port, and leave no process it started behind. Training runs stopped at random moments
// (0–1,500 ms after train:start) must each end with train:finished or train:failed.
import { openClient } from './api-client.mjs';
import { descendants, portAccepts, startHost, stopHost, survivors } from './host-process.mjs';
import { randomInt, sleep } from './pool.mjs';
import { rawHttp } from './raw-socket.mjs';

const HOST_CYCLES = 15;
const STARTUP_INTERRUPTS = 4;
const TRAIN_CYCLES = 10;
/** How long a stopped host may take to exit. */
const EXIT_LIMIT_MS = 10_000;
/** How long a stopped run may take to report its end. */
const RUN_END_LIMIT_MS = 10_000;
const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * A small run: 400 images of 32 px (see shared/train-config.ts for the fields). Why 30 epochs: it
 * lasts longer than the latest stop (1.5 s), so every stop lands while starting or mid-run.
 */
const SMALL_RUN = {
  imageSize: 32,
  datasetSize: 400,
  valFraction: 0.2,
  seed: 1,
  kind: 'ae',
  epochs: 30,
  batchSize: 64,
  learningRate: 0.02,
  beta: 1,
  align: 0,
};

export async function hostCycles({ root, random, tally }) {
  const exitMs = [];
  const exitCodes = {};
  for (let i = 0; i < HOST_CYCLES; i++) {
    const signal = SIGNALS[i % SIGNALS.length];
    tally.attack();
    const host = await startHost(root);
    const page = await rawHttp(
      host.port,
      `GET /?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`,
    );
    tally.accept(
      `cycle ${i + 1}: page served before ${signal}`,
      page.status === 200 ? 'accepted' : 'refused',
      `status ${page.status}`,
    );
    const result = await stopAndCheck(host, signal, `cycle ${i + 1} (${signal})`, tally);
    if (result.exited) exitMs.push(result.ms);
    const key = `${result.code ?? result.signal}`;
    exitCodes[key] = (exitCodes[key] ?? 0) + 1;
  }
  for (let i = 0; i < STARTUP_INTERRUPTS; i++) {
    tally.attack();
    const delay = randomInt(random, 0, 1500);
    let child = null;
    const sentAt = { at: 0 };
    const started = startHost(root, {
      onSpawn: (c) => {
        child = c;
        setTimeout(() => {
          sentAt.at = Date.now();
          sentAt.processes = descendants(c.pid);
          c.kill('SIGINT');
        }, delay);
      },
    });
    const host = await started.catch(() => null);
    const exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve(true);
      else child.once('exit', () => resolve(true));
    });
    const inTime = await Promise.race([exited, sleep(delay + EXIT_LIMIT_MS).then(() => false)]);
    const label = `SIGINT ${delay} ms into startup${host ? ' (after the URL)' : ''}`;
    if (!inTime) {
      tally.fault('leakedProcesses', label, `still running ${EXIT_LIMIT_MS} ms later`);
      child.kill('SIGKILL');
      continue;
    }
    if (sentAt.at) exitMs.push(Date.now() - sentAt.at);
    if (host && (await portAccepts(host.port)))
      tally.fault('leakedProcesses', label, `port ${host.port} still accepts connections`);
    for (const p of survivors(sentAt.processes ?? []))
      tally.fault('leakedProcesses', label, `left ${p.pid} (${p.command})`);
  }
  tally.extra.exitMsMax = exitMs.length ? Math.max(...exitMs) : null;
  tally.extra.exitCodes = exitCodes;
}

/** Stops `host` with `signal` and checks that it, its port and its children are gone. */
async function stopAndCheck(host, signal, label, tally) {
  const before = descendants(host.pid);
  const result = await stopHost(host.child, host.exited, signal, EXIT_LIMIT_MS);
  if (!result.exited) {
    tally.fault('leakedProcesses', label, `still running ${EXIT_LIMIT_MS} ms after ${signal}`);
    host.child.kill('SIGKILL');
    await host.exited;
  }
  if (await portAccepts(host.port))
    tally.fault('leakedProcesses', label, `port ${host.port} still accepts connections`);
  for (const p of survivors(before)) tally.fault('leakedProcesses', label, `left ${p.pid} (${p.command})`);
  return result;
}

export async function trainCycles({ root, codec, random, tally }) {
  const host = await startHost(root);
  const client = await openClient(host, codec);
  const ends = new Map();
  client.onEvent((name, payload) => {
    if (name === 'train:finished' || name === 'train:failed') ends.set(payload.runId, { name, payload });
  });
  const endings = { finished: 0, stoppedEarly: 0, keptPrevious: 0, failed: 0 };
  for (let i = 0; i < TRAIN_CYCLES; i++) {
    tally.attack();
    const started = await client.request('train:start', { config: { ...SMALL_RUN, seed: i + 1 } }, 30_000);
    tally.accept(
      `train:start #${i + 1}`,
      started.kind === 'ok' ? 'accepted' : 'refused',
      started.detail ?? started.kind,
    );
    if (started.kind !== 'ok') continue;
    const { runId } = started.result;
    const delay = randomInt(random, 0, 1500);
    await sleep(delay);
    const stopped = await client.request('train:stop', undefined, 30_000);
    tally.accept(
      `train:stop #${i + 1}`,
      stopped.kind === 'ok' ? 'accepted' : 'refused',
      stopped.detail ?? stopped.kind,
    );
    const deadline = Date.now() + RUN_END_LIMIT_MS;
    while (!ends.has(runId) && Date.now() < deadline) await sleep(50);
    const end = ends.get(runId);
    if (!end) {
      tally.fault(
        'stuckRuns',
        `train:stop ${delay} ms after train:start (#${i + 1})`,
        `no train:finished or train:failed within ${RUN_END_LIMIT_MS} ms`,
      );
      continue;
    }
    if (end.name === 'train:failed') endings.failed++;
    else if (end.payload.keptPrevious) endings.keptPrevious++;
    else if (end.payload.stopped) endings.stoppedEarly++;
    else endings.finished++;
  }
  tally.extra.runEndings = endings;
  await client.close();
  await stopAndCheck(host, 'SIGTERM', 'host after the training cycles', tally);
}
