/**
 * The worker thread: owns the weights and the datasets (an EngineCore) and answers the calls of
 * worker-protocol.ts. Bundled to dist/main/worker.cjs; started by engine-client.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../../shared/errors';
import { EngineCore } from './engine-core';
import type {
  CallMessage,
  CallName,
  EventMessage,
  ReplyMessage,
  WorkerCalls,
  WorkerOptions,
} from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

const options = (workerData ?? {}) as WorkerOptions;
const core = new EngineCore(
  (event, payload) =>
    port.postMessage({ kind: 'event', event, payload } satisfies EventMessage, transferables(payload)),
  { injectNanAtStep: options.injectNanAtStep, beforeStep: crashHook(options.injectCrash) },
);

type Handlers = {
  [K in CallName]: (arg: WorkerCalls[K][0]) => WorkerCalls[K][1] | Promise<WorkerCalls[K][1]>;
};

const handlers: Handlers = {
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
  exportBundle: () => core.exportBundle(),
  importBundle: ({ bytes, source }) => core.importBundle(bytes, source),
  snapshot: () => core.snapshot(),
  memory: () => ({ numTensors: tf.memory().numTensors }),
};

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
      if (v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength)
        out.add(v.buffer);
    } else if (v && typeof v === 'object' && depth < 4) {
      for (const child of Object.values(v)) visit(child, depth + 1);
    }
  };
  visit(value, 0);
  return [...out];
}
