import { useEffect, useRef, useState } from 'react';
import type { AtlasApi, LatentBounds } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { rgbaCanvas, sheetRgba } from '../preview/gray-image';
import { createLatestQueue, type LatestQueue } from '../lib/latest-queue';
import type { TileSheet } from './map-content';

/** Wait this long after the view stops changing before asking for a new grid. */
const GRID_DEBOUNCE_MS = 120;

interface GridAsk {
  /** Outer edges of the sheet (what the tiles cover on screen). */
  sheet: LatentBounds;
  perSide: number;
}

/**
 * The decoded-image grid behind the map: one batched 'model:decode-grid' call for `perSide²`
 * tiles covering `square` (re-asked when the view, density or weights change; latest wins).
 * `square` must keep its identity while its value does (memoise it), or the grid is re-asked.
 * `error` is the last request's failure, for the user (null once a grid arrives, or while disabled).
 */
export function useDecodedGrid(
  api: AtlasApi,
  square: LatentBounds | null,
  perSide: number,
  enabled: boolean,
  modelVersion: number,
): { tiles: TileSheet | null; error: string | null } {
  const [tiles, setTiles] = useState<TileSheet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const queue = useRef<LatestQueue<GridAsk> | null>(null);

  useEffect(() => {
    const q = createLatestQueue(
      ({ sheet, perSide: n }: GridAsk) =>
        api.invoke('model:decode-grid', { bounds: tileCentres(sheet, n), perSide: n }),
      {
        onResult: (r, ask) => {
          const rgba = sheetRgba(r.images, r.perSide, r.imageSize);
          const side = r.perSide * r.imageSize;
          setTiles({ image: rgbaCanvas(rgba, side, side), bounds: ask.sheet, perSide: r.perSide });
          setError(null);
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
    queue.current = q;
    return () => q.dispose();
  }, [api]);

  useEffect(() => {
    if (!enabled || !square || modelVersion === 0) return;
    const timer = setTimeout(() => queue.current?.push({ sheet: square, perSide }), GRID_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [square, perSide, enabled, modelVersion]);

  // With the tiles hidden no grid is asked for, so an old failure is no longer news.
  return { tiles: enabled ? tiles : null, error: enabled ? error : null };
}

/**
 * The grid request's bounds are tile centres, both ends included (shared/latent-grid.ts), so
 * tiles that exactly cover `sheet` sit half a tile inside its edges.
 */
export function tileCentres(sheet: LatentBounds, perSide: number): LatentBounds {
  const half1 = (sheet.max[0] - sheet.min[0]) / perSide / 2;
  const half2 = (sheet.max[1] - sheet.min[1]) / perSide / 2;
  return {
    min: [sheet.min[0] + half1, sheet.min[1] + half2],
    max: [sheet.max[0] - half1, sheet.max[1] - half2],
  };
}
