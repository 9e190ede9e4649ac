import { describe, expect, it } from 'vitest';
import { getPriority } from 'node:os';
import { lowerThisThreadPriority } from './thread-priority';

// That the engine's worker thread, and only it, runs at TRAINING_NICE: engine-client.test.ts.
describe('lowerThisThreadPriority', () => {
  it('reports whether it took effect, and never throws', () => {
    // On the main thread of a test process: lower it, then nothing else to check but the answer.
    const took = lowerThisThreadPriority(getPriority(process.pid)); // same nice: no change in effect
    expect(took).toBe(process.platform === 'linux');
  });
});
