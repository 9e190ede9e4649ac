/**
 * The worker thread: owns the weights and the datasets (an EngineCore) and answers the calls of
 * worker-protocol.ts. Bundled to dist/main/worker.cjs; started by engine-client.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../../shared/errors';
import { EngineCore } from './engine-core';
import { WeightsMirror } from './weights-mirror';
import { InteractionClock } from './interaction-clock';
import { lowerThisThreadPriority } from '../node/thread-priority';
import type {
  CallMessage,
  CallName,
  EventMessage,
  ReplyMessage,
  WorkerCalls,
  WorkerOptions,
} from './worker-protocol';
import { spansWholeBuffer } from '../../shared/buffers';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

const options = (workerData ?? {}) as WorkerOptions;
if (options.lowPriority) lowerThisThreadPriority();
const core = new EngineCore(
  (event, payload) =>
    port.postMessage({ kind: 'event', event, payload } satisfies EventMessage, transferables(payload)),
  {
    injectNanAtStep: options.injectNanAtStep,
    beforeStep: crashHook(options.injectCrash),
    publishWeights: options.publishWeights,
    interactions: options.interactions ? new InteractionClock(options.interactions) : undefined,
  },
);
/** The mirror role's state (weights-mirror.ts); unused by the engine role. */
const mirror = new WeightsMirror();

type Handlers = {
  [K in CallName]: (arg: WorkerCalls[K][0]) => WorkerCalls[K][1] | Promise<WorkerCalls[K][1]>;
};

const engineHandlers: Handlers = {
  init: async () => ({ backend: await core.init() }),
  current: () => core.current(),
  train: ({ config, runId }) => core.train(config, runId),
  pause: ({ runId }) => core.pause(runId),
  resume: ({ runId }) => core.resume(runId),
  stop: ({ runId }) => core.stop(runId),
  encode: ({ images, count }) => core.encode(images, count),
  decode: ({ z }) => core.decode(z),
  codes: ({ split }) => core.codes(split),
  loadDir: ({ dir, source, id }) => core.loadDir(dir, source, id),
  saveDir: ({ dir, label }) => core.saveDir(dir, label),
  exportBundle: (opts) => core.exportBundle(opts),
  importBundle: ({ bytes, source }) => core.importBundle(bytes, source),
  snapshot: () => core.snapshot(),
  rotate: ({ angle }) => core.rotate(angle),
  timelineInfo: () => core.timelineInfo(),
  timelineView: ({ epoch }) => core.viewEpoch(epoch),
  timelineCodes: ({ epoch }) => core.timelineCodes(epoch),
  compareFill: ({ slot, from }) => core.compareFill(slot, from),
  compareClear: ({ slot }) => core.compareClear(slot),
  compareProbe: (req) => core.compareProbe(req),
  ladderStart: ({ ladder, runId }) => core.startLadder(ladder, runId),
  ladderStop: ({ runId }) => core.stopLadder(runId),
  memory: () => ({ numTensors: tf.memory().numTensors }),
  mirror: () => {
    throw new Error('mirror: this is the engine worker, not a mirror');
  },
};

const notInMirror = (): never => {
  throw new Error('this call goes to the engine worker, not the mirror');
};
const mirrorHandlers: Handlers = {
  ...Object.fromEntries(Object.keys(engineHandlers).map((name) => [name, notInMirror])),
  init: async () => ({ backend: await core.init() }),
  encode: ({ images, count }) => mirror.encode(images, count),
  decode: ({ z }) => mirror.decode(z),
  memory: () => ({ numTensors: tf.memory().numTensors }),
  mirror: (weights) => mirror.set(weights),
} as Handlers;

const handlers = options.role === 'mirror' ? mirrorHandlers : engineHandlers;

port.on('message', (msg: CallMessage) => {
  void answer(msg);
});

async function answer(msg: CallMessage): Promise<void> {
  const crash = options.injectCrash;
  if (crash && 'onCall' in crash && crash.onCall === msg.name) process.exit(70);
  let reply: ReplyMessage;
  try {
    const handler = handlers[msg.name] as (arg: unknown) => unknown;
    if (!handler) throw new Error(`unknown engine call "${String(msg.name)}"`);
    reply = { kind: 'reply', id: msg.id, ok: true, result: await handler(msg.arg) };
  } catch (err) {
    reply = { kind: 'reply', id: msg.id, ok: false, message: errorMessage(err) };
  }
  port!.postMessage(reply, reply.ok ? transferables(reply.result) : []);
}

/** Test hook: dies at the given training step, the way a bug or a failed allocation would. */
function crashHook(crash: WorkerOptions['injectCrash']): ((globalStep: number) => void) | undefined {
  if (!crash || !('atStep' in crash)) return undefined;
  return (globalStep) => {
    if (globalStep !== crash.atStep) return;
    if (crash.how === 'exit') process.exit(70);
    // Thrown outside the training loop's promise chain: an uncaught exception ends the thread.
    setImmediate(() => {
      throw new Error('injected crash (test hook)');
    });
  };
}

/** Typed-array buffers in a result, to move rather than copy (the worker keeps its own copies). */
function transferables(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number): void => {
    if (ArrayBuffer.isView(v)) {
      if (spansWholeBuffer(v)) out.add(v.buffer);
    } else if (v && typeof v === 'object' && depth < 4) {
      for (const child of Object.values(v)) visit(child, depth + 1);
    }
  };
  visit(value, 0);
  return [...out];
}
