import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../shared/validate';
import { PNG_MAX_WAITING, PngQueue } from './png-queue';

/** A job that runs until the test ends it; records when it started. */
function heldJob(log: string[], name: string) {
  let finish: (value: string) => void = () => undefined;
  const job = () => {
    log.push(`start ${name}`);
    return new Promise<string>((resolve) => (finish = resolve));
  };
  return { job, finish: (value = name) => finish(value) };
}

describe('PngQueue', () => {
  it('makes one image at a time, in order, and refuses more than PNG_MAX_WAITING waiting ones', async () => {
    const queue = new PngQueue();
    const log: string[] = [];
    const jobs = Array.from({ length: PNG_MAX_WAITING + 1 }, (_, i) => heldJob(log, `#${i}`));
    const results = jobs.map(({ job }) => queue.run(job));
    expect(queue.length).toBe(PNG_MAX_WAITING + 1);

    let ran = false;
    const refused = queue.run(async () => {
      ran = true;
      return 'never';
    });
    await expect(refused).rejects.toBeInstanceOf(ApiRequestError);
    await expect(refused).rejects.toMatchObject({
      code: 'busy',
      message: `Still making ${PNG_MAX_WAITING + 1} images; wait until they are done, then try again.`,
    });
    expect(ran).toBe(false);

    for (const [i, { finish }] of jobs.entries()) {
      await new Promise((resolve) => setImmediate(resolve));
      expect(log).toEqual(jobs.slice(0, i + 1).map((_, k) => `start #${k}`)); // never two at once
      finish();
      expect(await results[i]).toBe(`#${i}`);
    }
    expect(queue.length).toBe(0);
  });

  it('goes on after a failed image, and takes new ones once there is room', async () => {
    const queue = new PngQueue(0);
    const failing = queue.run(() => Promise.reject(new Error('could not encode')));
    await expect(queue.run(async () => 'too many')).rejects.toMatchObject({ code: 'busy' });
    await expect(failing).rejects.toThrow('could not encode');
    expect(await queue.run(async () => 'next')).toBe('next');
  });
});
