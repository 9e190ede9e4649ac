import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { LatentBounds } from '../../shared/api';
import { fitBounds, resizeViewport, type Viewport } from './viewport';
import { expandBounds } from '../../shared/latent-bounds';

/** Room left around the data when the view fits it: a fraction of its span, plus pixels. */
const FIT_MARGIN = 0.06;
const FIT_MARGIN_PX = 14;

export interface MapViewport {
  /** Null until the container has a size. */
  vp: Viewport | null;
  /** A view the user chose (zoom/pan): stops following the data until `fit`. */
  setViewport(vp: Viewport): void;
  /** Back to showing all the data, and following it as it moves (training). */
  fit(): void;
}

/**
 * The map's viewport: sized by a ResizeObserver on `container`, fitted to `dataBounds` until the
 * user zooms or pans, and fitted again whenever `fitKey` (the model's id) changes.
 */
export function useMapViewport(
  container: RefObject<HTMLElement | null>,
  dataBounds: LatentBounds | null,
  fitKey: string,
): MapViewport {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [vp, setVp] = useState<Viewport | null>(null);
  const [following, setFollowing] = useState(true);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      if (width > 0 && height > 0) setSize({ width: Math.round(width), height: Math.round(height) });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [container]);

  useEffect(() => setFollowing(true), [fitKey]);

  useEffect(() => {
    if (!size) return;
    setVp((current) => {
      if (following || !current) {
        const b = dataBounds
          ? expandBounds(dataBounds, FIT_MARGIN)
          : ({ min: [-1, -1], max: [1, 1] } as LatentBounds);
        return fitBounds(b, size.width, size.height, FIT_MARGIN_PX);
      }
      return resizeViewport(current, size.width, size.height);
    });
  }, [size, dataBounds, following]);

  const setViewport = useCallback((next: Viewport) => {
    setFollowing(false);
    setVp(next);
  }, []);
  const fit = useCallback(() => setFollowing(true), []);

  return { vp, setViewport, fit };
}
