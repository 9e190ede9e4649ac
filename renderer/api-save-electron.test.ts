// @vitest-environment jsdom
// The save helpers in Electron: each is one request for a native save dialog, through the preload.
import { describe, expect, it, vi } from 'vitest';
import type { GalleryPngRequest } from '../shared/api';

const { invoke } = vi.hoisted(() => {
  const invoke = vi.fn(async () => ({ saved: true, path: '/home/me/picked' }));
  // The module picks its transport at import: Electron's preload would have set this.
  (window as { atlas?: unknown }).atlas = { invoke, on: vi.fn() };
  return { invoke };
});

import { saveCsv, saveGallery, transport } from './api';

describe('save helpers in Electron', () => {
  it('opens the native save dialogs for the gallery and the CSV', async () => {
    expect(transport).toBe('electron');
    const req: GalleryPngRequest = {
      z: new Float32Array([0, 1]),
      columns: 1,
      tilePx: 32,
      model: 'Aligned',
      family: 'Box',
      theta: 'min (0, 0), max (1, 1)',
      seed: 1,
      temperature: 2,
    };
    expect(await saveGallery(req)).toEqual({ saved: true, path: '/home/me/picked' });
    expect(await saveCsv('samples.csv', 'a,b\n1,2\n')).toEqual({ saved: true, path: '/home/me/picked' });
    expect(invoke.mock.calls).toEqual([
      ['gallery:save-dialog', req],
      ['csv:save-dialog', { suggestedName: 'samples.csv', text: 'a,b\n1,2\n' }],
    ]);
  });
});
