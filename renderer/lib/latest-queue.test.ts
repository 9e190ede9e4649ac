import { describe, expect, it } from 'vitest';
import { createLatestQueue } from './latest-queue';

/** A request whose promise the test resolves by hand. */
function controllable() {
  const calls: { arg: number; resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const run = (arg: number) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ arg, resolve, reject });
    });
  return { calls, run };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('createLatestQueue', () => {
  it('keeps one request in flight and runs only the latest pending one next', async () => {
    const { calls, run } = controllable();
    const results: string[] = [];
    const q = createLatestQueue(run, { onResult: (r) => results.push(r) });
    q.push(1);
    q.push(2);
    q.push(3);
    q.push(4);
    expect(calls.map((c) => c.arg)).toEqual([1]);
    expect(q.busy).toBe(true);
    calls[0]!.resolve('one');
    await flush();
    expect(results).toEqual(['one']);
    expect(calls.map((c) => c.arg)).toEqual([1, 4]);
    calls[1]!.resolve('four');
    await flush();
    expect(results).toEqual(['one', 'four']);
    expect(q.busy).toBe(false);
  });

  it('reports errors and carries on with the next value', async () => {
    const { calls, run } = controllable();
    const errors: number[] = [];
    const results: string[] = [];
    const q = createLatestQueue(run, {
      onResult: (r) => results.push(r),
      onError: (_e, arg) => errors.push(arg),
    });
    q.push(1);
    q.push(2);
    calls[0]!.reject(new Error('boom'));
    await flush();
    expect(errors).toEqual([1]);
    calls[1]!.resolve('two');
    await flush();
    expect(results).toEqual(['two']);
  });

  it('treats a synchronous throw like a rejection', async () => {
    const errors: unknown[] = [];
    const q = createLatestQueue<number, string>(
      () => {
        throw new Error('sync');
      },
      { onResult: () => undefined, onError: (e) => errors.push(e) },
    );
    q.push(1);
    await flush();
    expect(errors).toHaveLength(1);
    expect(q.busy).toBe(false);
  });

  it('drops results after dispose', async () => {
    const { calls, run } = controllable();
    const results: string[] = [];
    const q = createLatestQueue(run, { onResult: (r) => results.push(r) });
    q.push(1);
    q.push(2);
    q.dispose();
    calls[0]!.resolve('late');
    await flush();
    expect(results).toEqual([]);
    expect(calls).toHaveLength(1);
  });
});
