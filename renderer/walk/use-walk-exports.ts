import { useCallback, useEffect, useRef, useState } from 'react';
import type { AtlasApi, FilmstripPngRequest, SaveResult } from '../../shared/api';
import { API_LIMITS } from '../../shared/api';
import { pathFrames } from '../../shared/walk';
import { t } from '../i18n/current';
import { recordWebm } from '../lib/record-webm';
import { pageWebmSupport, webmSizeError } from '../lib/webm';
import type { WorkerCalls } from '../lib/worker-calls';
import type { NoticeActions } from '../state/use-notices';
import { createGifEncoder } from './export-client';
import { grayIndices, type GifJob } from './gif';

export interface WalkSavers {
  saveFilmstrip(req: FilmstripPngRequest): Promise<SaveResult>;
  saveExport(suggestedName: string, bytes: Uint8Array, format?: 'gif' | 'webm'): Promise<SaveResult>;
}

/** What an export shows: the walk's strip, or the keyframed path in `PATH_FRAMES` frames. */
export type ExportSource = 'walk' | 'path';

/** Frames of a path's filmstrip or GIF. */
export const PATH_FRAMES = 32;
/** A walk's GIF plays at this rate (its strip has 3–32 steps); a path's at the player's fps. */
const WALK_FPS = 6;

/** Whether this page records WebM video, asked once: it does not change while the page lives. */
const WEBM_SUPPORT = pageWebmSupport();

/**
 * The Walk tab's exports: a filmstrip PNG (made by the service, z of each frame in its tEXt), an
 * animated GIF (decoded here, encoded in the export worker) and a WebM video (decoded here,
 * recorded by the browser where it can: `webmSupport`), saved by a dialog or a download.
 */
export function useWalkExports(api: AtlasApi, savers: WalkSavers, notices: NoticeActions) {
  const [busy, setBusy] = useState<'png' | 'gif' | 'webm' | null>(null);
  const encoder = useRef<WorkerCalls<GifJob, Uint8Array> | null>(null);
  useEffect(() => {
    const e = createGifEncoder();
    encoder.current = e;
    return () => e.dispose();
  }, []);

  const framesOf = (source: ExportSource, walkZ: Float32Array | null, keys: Float32Array): Float32Array => {
    if (source === 'walk') {
      if (!walkZ) throw new Error(t('walk.export.needEnds'));
      return walkZ;
    }
    if (keys.length < 4) throw new Error(t('walk.export.needKeys'));
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
        // The PNG's tEXt title is Latin-1 metadata, in English as the file's other tEXt chunks are.
        const title =
          source === 'walk'
            ? 'A walk from A to B in the latent space'
            : 'A keyframed path in the latent space';
        const saved = await savers.saveFilmstrip({ z, tilePx, title });
        if (saved.saved)
          notices.push(
            'success',
            t('walk.export.filmstripSaved', { count, path: saved.path ?? t('walk.export.aPng') }),
            'export',
          );
      } catch (err) {
        notices.fail(t('walk.export.filmstripFailed'), err, 'export');
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
            t('walk.export.gifSaved', {
              count,
              kb: Math.round(bytes.length / 1024),
              path: saved.path ?? name,
            }),
            'export',
          );
      } catch (err) {
        notices.fail(t('walk.export.gifFailed'), err, 'export');
      } finally {
        setBusy(null);
      }
    },
    [api, savers, notices],
  );

  const webm = useCallback(
    async (source: ExportSource, walkZ: Float32Array | null, keys: Float32Array, px: number, fps: number) => {
      setBusy('webm');
      try {
        if (!('mimeType' in WEBM_SUPPORT)) throw new Error(WEBM_SUPPORT.reason);
        const z = framesOf(source, walkZ, keys);
        const rate = source === 'walk' ? WALK_FPS : fps;
        const tooLarge = webmSizeError(z.length / 2, px, px, rate);
        if (tooLarge) throw new Error(tooLarge);
        const { images, count, imageSize } = await api.invoke('model:decode', { z: z.slice() });
        const pixels = imageSize * imageSize;
        // Scaled as the GIF's frames are, and before recording: drawing must not delay the clock.
        const frames = Array.from({ length: count }, (_, i) =>
          grayImage(grayIndices(images.subarray(i * pixels, (i + 1) * pixels), imageSize, px), px),
        );
        const bytes = await recordWebm({
          width: px,
          height: px,
          count,
          fps: rate,
          mimeType: WEBM_SUPPORT.mimeType,
          draw: (ctx, i) => ctx.putImageData(frames[i]!, 0, 0),
        });
        const name = `${source === 'walk' ? 'walk' : 'path'}_${count}-frames_${px}px.webm`;
        const saved = await savers.saveExport(name, bytes, 'webm');
        if (saved.saved)
          notices.push(
            'success',
            t('walk.export.webmSaved', {
              count,
              kb: Math.round(bytes.length / 1024),
              path: saved.path ?? name,
            }),
            'export',
          );
      } catch (err) {
        notices.fail(t('walk.export.webmFailed'), err, 'export');
      } finally {
        setBusy(null);
      }
    },
    [api, savers, notices],
  );

  return { busy, filmstrip, gif, webm, webmSupport: WEBM_SUPPORT };
}

/** A `side`² frame of gray levels (0…255) as opaque RGBA pixels to paint. */
function grayImage(levels: Uint8Array, side: number): ImageData {
  const image = new ImageData(side, side);
  const rgba = image.data;
  for (let p = 0; p < levels.length; p++) {
    const v = levels[p]!;
    rgba[4 * p] = rgba[4 * p + 1] = rgba[4 * p + 2] = v;
    rgba[4 * p + 3] = 255;
  }
  return image;
}
