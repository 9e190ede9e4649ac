import { describe, expect, it } from 'vitest';
import { isWebm, webmSizeError, webmSupport } from './webm';

const recorder = (supported: string[]) => ({ isTypeSupported: (t: string) => supported.includes(t) });

describe('webmSupport', () => {
  it('picks VP9, then VP8, then plain WebM, as the platform records them', () => {
    const all = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'];
    expect(webmSupport({ MediaRecorder: recorder(all), canCaptureCanvas: true })).toEqual({
      mimeType: 'video/webm;codecs=vp9',
    });
    expect(webmSupport({ MediaRecorder: recorder(all.slice(1)), canCaptureCanvas: true })).toEqual({
      mimeType: 'video/webm;codecs=vp8',
    });
    expect(webmSupport({ MediaRecorder: recorder(['video/webm']), canCaptureCanvas: true })).toEqual({
      mimeType: 'video/webm',
    });
  });

  it('says why when there is no recorder, no canvas capture or no WebM type', () => {
    expect(webmSupport({ canCaptureCanvas: true })).toEqual({
      reason: 'This browser cannot record video (it has no MediaRecorder).',
    });
    expect(webmSupport({ MediaRecorder: recorder(['video/webm']), canCaptureCanvas: false })).toEqual({
      reason: 'This browser cannot record a canvas as video.',
    });
    expect(webmSupport({ MediaRecorder: recorder(['video/mp4']), canCaptureCanvas: true })).toEqual({
      reason: 'This browser cannot record WebM video.',
    });
    const throwing = {
      isTypeSupported: () => {
        throw new Error('no');
      },
    };
    expect(webmSupport({ MediaRecorder: throwing, canCaptureCanvas: true })).toHaveProperty('reason');
  });
});

describe('webmSizeError', () => {
  it('accepts what the exports make, and bounds frames, sides and length with a clear message', () => {
    expect(webmSizeError(32, 512, 512, 30)).toBeNull();
    expect(webmSizeError(60, 480, 400, 1000 / 350)).toBeNull();
    expect(webmSizeError(1, 256, 256, 30)).toBe('A video has 2 to 120 frames (this one would have 1).');
    expect(webmSizeError(121, 256, 256, 30)).toContain('2 to 120 frames');
    expect(webmSizeError(32, 1024, 256, 30)).toBe(
      'A video’s frames are 32 to 512 px wide and high (these would be 1024×256).',
    );
    expect(webmSizeError(32, 256, 256, 0)).toContain('up to 60 frames a second');
    expect(webmSizeError(120, 256, 256, 1)).toBe(
      'A video lasts at most 60 s (120 frames at 1 fps would take 120 s): raise the fps or use fewer frames.',
    );
  });
});

describe('isWebm', () => {
  it('knows a WebM by its EBML magic', () => {
    expect(isWebm(Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x01]))).toBe(true);
    expect(isWebm(Uint8Array.from([0x47, 0x49, 0x46, 0x38]))).toBe(false);
    expect(isWebm(new Uint8Array(2))).toBe(false);
  });
});
