import { useCallback, useEffect, useRef, useState } from 'react';
import type { AtlasApi, FilmstripPngRequest, SaveResult } from '../../shared/api';
import { API_LIMITS } from '../../shared/api';
import { pathFrames } from '../../shared/walk';
import type { WorkerCalls } from '../lib/worker-calls';
import type { NoticeActions } from '../state/use-notices';
import { createGifEncoder } from './export-client';
import type { GifInput } from './gif';

export interface WalkSavers {
  saveFilmstrip(req: FilmstripPngRequest): Promise<SaveResult>;
  saveExport(suggestedName: string, bytes: Uint8Array): Promise<SaveResult>;
}

/** What an export shows: the walk's strip, or the keyframed path in `PATH_FRAMES` frames. */
export type ExportSource = 'walk' | 'path';

/** Frames of a path's filmstrip or GIF. */
export const PATH_FRAMES = 32;
/** A walk's GIF plays at this rate (its strip has 3–32 steps); a path's at the player's fps. */
const WALK_FPS = 6;

/**
 * The Walk tab's exports: a filmstrip PNG (made by the service, z of each frame in its tEXt) and an
 * animated GIF (decoded here, encoded in the export worker), saved by a dialog or a download.
 */
export function useWalkExports(api: AtlasApi, savers: WalkSavers, notices: NoticeActions) {
  const [busy, setBusy] = useState<'png' | 'gif' | null>(null);
  const encoder = useRef<WorkerCalls<GifInput, Uint8Array> | null>(null);
  useEffect(() => {
    const e = createGifEncoder();
    encoder.current = e;
    return () => e.dispose();
  }, []);

  const framesOf = (source: ExportSource, walkZ: Float32Array | null, keys: Float32Array): Float32Array => {
    if (source === 'walk') {
      if (!walkZ) throw new Error('Set A and B first: the walk has no frames yet.');
      return walkZ;
    }
    if (keys.length < 4) throw new Error('Add at least two keyframes first.');
    return pathFrames(keys, PATH_FRAMES);
  };

  const filmstrip = useCallback(
    async (source: ExportSource, walkZ: Float32Array | null, keys: Float32Array, px: number) => {
      setBusy('png');
      try {
        const z = framesOf(source, walkZ, keys);
        const count = z.length / 2;
        // Frames share the strip's width limit: smaller frames for long strips.
        const tilePx = Math.max(
          API_LIMITS.tilePx[0],
          Math.min(px, Math.floor(API_LIMITS.maxSheetPx / count)),
        );
        const title =
          source === 'walk'
            ? 'A walk from A to B in the latent space'
            : 'A keyframed path in the latent space';
        const saved = await savers.saveFilmstrip({ z, tilePx, title });
        if (saved.saved)
          notices.push(
            'success',
            `Saved the filmstrip (${count} frames) as ${saved.path ?? 'a PNG'}.`,
            'export',
          );
      } catch (err) {
        notices.fail('Could not save the filmstrip', err, 'export');
      } finally {
        setBusy(null);
      }
    },
    [savers, notices],
  );

  const gif = useCallback(
    async (
      source: ExportSource,
      walkZ: Float32Array | null,
      keys: Float32Array,
      px: number,
      fps: number,
      loop: boolean,
    ) => {
      setBusy('gif');
      try {
        const z = framesOf(source, walkZ, keys);
        const { images, count, imageSize } = await api.invoke('model:decode', { z: z.slice() });
        const rate = source === 'walk' ? WALK_FPS : fps;
        const bytes = await encoder.current!.call({ images, count, imageSize, px, fps: rate, loop });
        const name = `${source === 'walk' ? 'walk' : 'path'}_${count}-frames_${px}px.gif`;
        const saved = await savers.saveExport(name, bytes);
        if (saved.saved)
          notices.push(
            'success',
            `Saved the animation (${count} frames, ${Math.round(bytes.length / 1024)} KB) as ${saved.path ?? name}.`,
            'export',
          );
      } catch (err) {
        notices.fail('Could not make the animation', err, 'export');
      } finally {
        setBusy(null);
      }
    },
    [api, savers, notices],
  );

  return { busy, filmstrip, gif };
}
