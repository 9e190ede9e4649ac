import { describe, expect, it, vi } from 'vitest';
import { decodeMessage, encodeMessage } from './wire';

describe('wire codec', () => {
  it('round-trips nested typed arrays exactly, next to plain JSON', () => {
    const codes = new Float32Array([0.1, -2.5, 3.25e-7, 1e30, -0]);
    const bytes = new Uint8Array([0, 1, 254, 255, 7]);
    const message = {
      t: 'res',
      id: 7,
      ok: true,
      result: { codes, deeper: [{ bytes }, { images: new Float32Array(0) }], name: 'λ = 0', n: null },
    };
    const decoded = decodeMessage(encodeMessage(message)) as typeof message;
    expect(decoded).toEqual(message);
    expect(decoded.result.codes).toBeInstanceOf(Float32Array);
    expect(Array.from(decoded.result.codes)).toEqual(Array.from(codes));
    expect(decoded.result.deeper[0]!.bytes).toBeInstanceOf(Uint8Array);
  });

  it('carries views into larger buffers (only the viewed bytes) and odd lengths', () => {
    const big = new Float32Array([9, 1, 2, 3, 9]);
    const view = big.subarray(1, 4);
    const odd = new Uint8Array([1, 2, 3]);
    const decoded = decodeMessage(encodeMessage({ view, odd, after: new Float32Array([5]) })) as Record<
      string,
      unknown
    >;
    expect(Array.from(decoded.view as Float32Array)).toEqual([1, 2, 3]);
    expect(Array.from(decoded.odd as Uint8Array)).toEqual([1, 2, 3]);
    expect(Array.from(decoded.after as Float32Array)).toEqual([5]);
  });

  it('keeps undefined arguments absent and decodes a frame that is a view into a larger buffer', () => {
    const frame = encodeMessage({ t: 'req', id: 1, name: 'app:info', arg: undefined });
    const shifted = new Uint8Array(frame.length + 3);
    shifted.set(frame, 3);
    expect(decodeMessage(shifted.subarray(3))).toEqual({ t: 'req', id: 1, name: 'app:info' });
  });

  it('carries NaN and ±Infinity as numbers, as structured clone (Electron IPC) does', () => {
    const progress = {
      lossTrain: Number.NaN,
      lossVal: null,
      etaSeconds: Infinity,
      low: -Infinity,
      zero: -0,
      ok: 1.5,
    };
    const decoded = decodeMessage(encodeMessage({ t: 'evt', name: 'train:progress', payload: progress })) as {
      payload: typeof progress;
    };
    expect(decoded.payload.lossTrain).toBeNaN();
    expect(decoded.payload).toMatchObject({ lossVal: null, etaSeconds: Infinity, low: -Infinity, ok: 1.5 });
    expect(decodeMessage(encodeMessage({ $num: 'bogus', other: { $num: 'NaN', extra: 1 } }))).toEqual({
      $num: 'bogus',
      other: { $num: 'NaN', extra: 1 },
    });
  });

  it('refuses malformed frames instead of returning garbage', () => {
    expect(() => decodeMessage(new Uint8Array([1, 2]))).toThrow('too short');
    expect(() => decodeMessage(new Uint8Array([255, 0, 0, 0, 123]))).toThrow('header overruns');
    const header = new TextEncoder().encode('{"x":{"$typed":"f32","o":0,"n":400}}');
    const frame = new Uint8Array(4 + header.length);
    new DataView(frame.buffer).setUint32(0, header.length, true);
    frame.set(header, 4);
    expect(() => decodeMessage(frame)).toThrow('overruns the frame');
  });
});

/** A frame with `header` as its JSON and `dataBytes` zero bytes of data section after it. */
function rawFrame(header: unknown, dataBytes: number): { frame: Uint8Array; dataStart: number } {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = (4 + json.length + 3) & ~3;
  const frame = new Uint8Array(dataStart + dataBytes);
  new DataView(frame.buffer).setUint32(0, json.length, true);
  frame.set(json, 4);
  return { frame, dataStart };
}

describe('wire codec against hostile frames', () => {
  const MB = 1024 * 1024;

  it('refuses 512 tags on one 1 MB blob without copying a single blob', () => {
    // Before the fix this frame decoded into 512 separate 1 MB copies (512 MB from a 1 MB frame).
    const tags = Array.from({ length: 512 }, () => ({ $typed: 'u8', o: 0, n: MB }));
    const { frame, dataStart } = rawFrame({ t: 'req', id: 1, name: 'model:decode', arg: { z: tags } }, MB);
    const subarray = vi.spyOn(frame, 'subarray');
    expect(() => decodeMessage(frame)).toThrow('Malformed message: two typed arrays overlap');
    // The decoder read the header only: no view of the data section was taken, so nothing was copied.
    expect(subarray.mock.calls.length).toBeGreaterThan(0);
    for (const [, end] of subarray.mock.calls) expect(end ?? frame.length).toBeLessThanOrEqual(dataStart);
  });

  it('refuses partly overlapping tags, and tags whose lengths sum past the frame', () => {
    const overlap = rawFrame(
      [
        { $typed: 'f32', o: 0, n: 8 },
        { $typed: 'u8', o: 4, n: 8 },
      ],
      16,
    );
    expect(() => decodeMessage(overlap.frame)).toThrow('overlap');
    const pastEnd = rawFrame(
      [
        { $typed: 'u8', o: 0, n: 8 },
        { $typed: 'u8', o: 8, n: 12 },
      ],
      16,
    );
    expect(() => decodeMessage(pastEnd.frame)).toThrow('overruns the frame');
    const misfit = rawFrame({ $typed: 'f32', o: 0, n: 6 }, 8);
    expect(() => decodeMessage(misfit.frame)).toThrow('multiple of 4');
  });

  it('still accepts adjacent blobs, empty arrays sharing an offset, and a typed array as the whole message', () => {
    const empty = new Float32Array(0);
    const message = [empty, new Uint8Array([1, 2, 3]), empty, new Uint8Array(0), new Float32Array([7])];
    expect(decodeMessage(encodeMessage(message))).toEqual(message);
    const whole = decodeMessage(encodeMessage(new Float32Array([1.5, -3])));
    expect(whole).toBeInstanceOf(Float32Array);
    expect(Array.from(whole as Float32Array)).toEqual([1.5, -3]);
  });
});

describe('wire codec on Node Buffers', () => {
  it('decodes a frame that is a Buffer view into a shared pool (as ws delivers them)', () => {
    const frame = encodeMessage({ z: new Float32Array([0.5, -2]) });
    const pool = Buffer.alloc(frame.length + 16, 0xee);
    pool.set(frame, 8);
    const decoded = decodeMessage(pool.subarray(8, 8 + frame.length)) as { z: Float32Array };
    expect(Array.from(decoded.z)).toEqual([0.5, -2]);
    expect(decoded.z.buffer.byteLength).toBe(8);
  });
});
