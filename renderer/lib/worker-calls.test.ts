// createWorkerCalls against a fake worker: answers by id, buffers handed over when asked, and the
// main-thread fallback when the worker fails (not for a call whose buffers went with it).
import { describe, expect, it } from 'vitest';
import { createWorkerCalls } from './worker-calls';

class FakeWorker {
  readonly posted: { message: { id: number; input: Float32Array }; transfer: Transferable[] }[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(message: { id: number; input: Float32Array }, transfer: Transferable[] = []): void {
    this.posted.push({ message, transfer });
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(id: number, value: number): void {
    this.onmessage?.({ data: { id, value } } as MessageEvent);
  }
  fail(): void {
    this.onerror?.({ preventDefault() {} } as ErrorEvent);
  }
}

function calls(transferBig: boolean) {
  const worker = new FakeWorker();
  const inline: number[] = [];
  const api = createWorkerCalls<Float32Array, number>({
    start: () => worker as unknown as Worker,
    request: (id, input) => ({ id, input }),
    reply: (r: { id: number; value: number }) => r,
    inline: (input) => {
      inline.push(input.length);
      return input.length * 10;
    },
    // Only inputs of 4+ values are handed over (as the 3-D view hands over its decoded images).
    transfer: transferBig ? (input) => (input.length >= 4 ? [input.buffer] : []) : undefined,
  });
  return { worker, api, inline };
}

describe('createWorkerCalls', () => {
  it('answers each call by its id and hands over the buffers the caller names', async () => {
    const { worker, api } = calls(true);
    const small = api.call(new Float32Array(2));
    const bigInput = new Float32Array(8);
    const big = api.call(bigInput);
    expect(worker.posted.map((p) => p.transfer.length)).toEqual([0, 1]);
    expect(worker.posted[1]?.transfer[0]).toBe(bigInput.buffer);
    worker.answer(worker.posted[1]!.message.id, 80);
    worker.answer(worker.posted[0]!.message.id, 20);
    await expect(big).resolves.toBe(80);
    await expect(small).resolves.toBe(20);
  });

  it('when the worker fails, runs the pending calls on the main thread, except those whose buffers it took', async () => {
    const { worker, api, inline } = calls(true);
    const small = api.call(new Float32Array(3));
    const big = api.call(new Float32Array(8)).catch((e: Error) => e);
    worker.fail();
    expect(worker.terminated).toBe(true);
    await expect(small).resolves.toBe(30);
    expect(((await big) as Error).message).toMatch(/asked again/);
    expect(inline).toEqual([3]);
    // Later calls run on the main thread from the start, whole.
    await expect(api.call(new Float32Array(8))).resolves.toBe(80);
  });

  it('without a transfer list nothing is handed over and every stranded call runs inline', async () => {
    const { worker, api, inline } = calls(false);
    const big = api.call(new Float32Array(8));
    expect(worker.posted[0]?.transfer).toEqual([]);
    worker.fail();
    await expect(big).resolves.toBe(80);
    expect(inline).toEqual([8]);
  });
});
