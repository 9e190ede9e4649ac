import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n/translate';
import { epochCaption, replayBlocked, replayEpochs, replayFrameSize } from './replay-plan';

describe('replayEpochs', () => {
  it('keeps every epoch that fits, and samples a long run evenly with its first and last', () => {
    expect(replayEpochs([1, 2, 3])).toEqual([1, 2, 3]);
    expect(replayEpochs([1, 2, 3, 4, 5], 3)).toEqual([1, 3, 5]);
    const long = Array.from({ length: 200 }, (_, i) => 2 * (i + 1));
    const picked = replayEpochs(long, 60);
    expect(picked).toHaveLength(60);
    expect(picked[0]).toBe(2);
    expect(picked.at(-1)).toBe(400);
    expect(picked.every((e, i) => i === 0 || e > picked[i - 1]!)).toBe(true);
  });
});

describe('replayFrameSize', () => {
  it('scales the map down to 480 px wide at most, keeping its shape with even sides', () => {
    expect(replayFrameSize(960, 800)).toEqual({ width: 480, height: 400 });
    expect(replayFrameSize(301, 201)).toEqual({ width: 300, height: 200 });
    // Tall maps fit 512 px in height.
    expect(replayFrameSize(600, 1200)).toEqual({ width: 256, height: 512 });
  });

  it('refuses a map too small or hidden to record', () => {
    expect(replayFrameSize(0, 0)).toBeNull();
    expect(replayFrameSize(20, 400)).toBeNull();
    expect(replayFrameSize(Number.NaN, 400)).toBeNull();
  });
});

describe('the replay’s words', () => {
  it('captions each frame with its epoch, and knows when it cannot record', () => {
    expect(epochCaption(3, 10, translator('en'))).toBe('epoch 3 / 10');
    expect(epochCaption(3, 10, translator('zh-CN'))).toBe('第 3 / 10 轮');
    expect(replayBlocked({ training: false, replaying: false, kept: 3 })).toBeNull();
    expect(replayBlocked({ training: true, replaying: true, kept: 1 })).toBe('training');
    expect(replayBlocked({ training: false, replaying: true, kept: 3 })).toBe('replaying');
    expect(replayBlocked({ training: false, replaying: false, kept: 1 })).toBe('too-few');
  });
});
