import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { WorkerConnection, WorkerDiedError } from './worker-connection';

/** A stand-in worker: answers "current" with null, never answers "pause", dies on "stop". */
function fakeWorker(death: 'exit' | 'throw' | 'oom'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'atlas-worker-')), 'worker.cjs');
  const die = {
    exit: 'process.exit(3)',
    throw: "setImmediate(() => { throw new Error('boom'); })",
    oom: 'setImmediate(() => { const hog = []; for (;;) hog.push(new Array(1e5).fill(Math.random())); })',
  }[death];
  writeFileSync(
    file,
    `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (msg) => {
  if (msg.name === 'current') parentPort.postMessage({ kind: 'reply', id: msg.id, ok: true, result: null });
  if (msg.name === 'stop') ${die};
});`,
  );
  return file;
}

describe('WorkerConnection', () => {
  for (const [death, reason] of [
    ['exit', 'it exited with code 3'],
    ['throw', 'it threw an uncaught error: boom'],
    ['oom', 'it ran out of memory'],
  ] as const) {
    it(`rejects every pending call when the worker dies (${death}) and reports the death once`, async () => {
      const onDeath = vi.fn();
      // A small heap, so running out of memory is quick.
      const limits = { maxOldGenerationSizeMb: 32 };
      const connection = new WorkerConnection(fakeWorker(death), {}, { onEvent: vi.fn(), onDeath }, limits);
      expect(await connection.call('current', undefined)).toBeNull();
      const [pending, dying] = await Promise.allSettled([
        connection.call('pause', { runId: 'r' }),
        connection.call('stop', { runId: 'r' }),
      ]);
      expect(pending).toMatchObject({ status: 'rejected', reason: expect.any(WorkerDiedError) });
      expect(dying).toMatchObject({
        status: 'rejected',
        reason: { message: expect.stringContaining(`The engine crashed (${reason})`) },
      });
      await vi.waitFor(() => expect(connection.isDead).toBe(true));
      await expect(connection.call('current', undefined)).rejects.toBeInstanceOf(WorkerDiedError);
      await new Promise((resolve) => setTimeout(resolve, 50)); // let a late 'exit' event arrive
      expect(onDeath.mock.calls).toEqual([[reason]]);
    });
  }

  it('terminate() rejects pending calls with its message and reports no death', async () => {
    const onDeath = vi.fn();
    const connection = new WorkerConnection(fakeWorker('exit'), {}, { onEvent: vi.fn(), onDeath });
    const pending = expect(connection.call('pause', { runId: 'r' })).rejects.toThrow('Closing.');
    await connection.terminate('Closing.');
    await pending;
    expect(onDeath).not.toHaveBeenCalled();
  });
});
