// @vitest-environment jsdom
// The save helpers in a browser: the gallery comes from the host as a PNG and is downloaded; the
// CSV text is downloaded as it is, without a request.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeMessage, encodeMessage, type WireRequest } from '../shared/wire';
import type { FileBlob, GalleryPngRequest } from '../shared/api';

const { sockets } = vi.hoisted(() => {
  /** The page client's socket: records frames; the test opens it and answers. */
  class FakeSocket {
    binaryType: BinaryType = 'blob';
    readyState = 1; // open from the start: frames are sent at once
    sent: Uint8Array[] = [];
    onopen: ((ev: Event) => void) | null = null;
    onmessage: ((ev: MessageEvent<ArrayBuffer>) => void) | null = null;
    onclose: ((ev: CloseEvent) => void) | null = null;
    constructor(readonly url: string) {
      sockets.push(this);
    }
    send(frame: Uint8Array): void {
      this.sent.push(frame);
    }
  }
  const sockets: FakeSocket[] = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  return { sockets };
});

import { saveCsv, saveGallery, transport } from './api';

/** Catches the downloads: the blob, its file name, and that the link was clicked. */
function catchDownloads() {
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), `blob:test/${blobs.length}`));
  URL.revokeObjectURL = vi.fn();
  const clicks: { href: string; download: string }[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ href: this.href, download: this.download });
  });
  return { blobs, clicks };
}

/** The bytes of a (jsdom) Blob. */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('save helpers in a browser', () => {
  it('downloads the CSV text under the name given, without asking the host', async () => {
    expect(transport).toBe('browser');
    const { blobs, clicks } = catchDownloads();
    const sentBefore = sockets[0]!.sent.length;
    const text = 'file,z1,z2,height,radius,residual,label\nsample-0000.png,0.5,-1,0.2,0.3,0.01,C\n';
    expect(await saveCsv('samples_gmm_seed-3.csv', text)).toEqual({
      saved: true,
      path: 'samples_gmm_seed-3.csv',
    });
    expect(clicks).toEqual([{ href: 'blob:test/1', download: 'samples_gmm_seed-3.csv' }]);
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
    expect(new TextDecoder().decode(await bytesOf(blobs[0]!))).toBe(text);
    expect(sockets[0]!.sent.length).toBe(sentBefore);
  });

  it('asks the host for the gallery PNG and downloads the file it answers', async () => {
    const { blobs, clicks } = catchDownloads();
    const socket = sockets[0]!;
    const req: GalleryPngRequest = {
      z: new Float32Array([0.5, -1, 2, 3]),
      columns: 2,
      tilePx: 64,
      model: 'Aligned',
      family: 'Gaussian',
      theta: 'μ = (0, 0)',
      seed: 5,
      temperature: 1,
    };
    const saved = saveGallery(req);
    const request = decodeMessage(socket.sent[socket.sent.length - 1]!) as WireRequest;
    expect(request).toMatchObject({ t: 'req', name: 'gallery:png', arg: { ...req, z: req.z } });
    const blob: FileBlob = {
      fileName: 'samples_gaussian_seed-5.png',
      mimeType: 'image/png',
      bytes: new Uint8Array([137, 80, 78, 71]),
    };
    const frame = encodeMessage({ t: 'res', id: request.id, ok: true, result: blob });
    socket.onmessage?.({ data: frame.buffer } as MessageEvent<ArrayBuffer>);
    expect(await saved).toEqual({ saved: true, path: 'samples_gaussian_seed-5.png' });
    expect(clicks).toEqual([{ href: 'blob:test/1', download: 'samples_gaussian_seed-5.png' }]);
    expect(await bytesOf(blobs[0]!)).toEqual(blob.bytes);
  });
});
