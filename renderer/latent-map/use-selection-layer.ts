import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { LatentBounds } from '../../shared/api';
import { drawSelectionEllipses } from './draw-selection';
import { selectionEllipses } from './posterior-selection';
import type { Viewport } from './viewport';

/**
 * The selection's 1σ posterior ellipses on their own canvas, between the map's base and the
 * canvas that takes the pointer. `box` is the box as shown (while it is dragged, where the pointer
 * has it); `logVar` null (an autoencoder) or no box: no ellipses. Returns the canvas's ref and
 * how many ellipses the selection has (at most SELECTION_ELLIPSE_CAP).
 *
 * Why a canvas of their own: they follow the box, which moves at every step of a drag, so on the
 * base they would repaint tiles, shading and points each step; on the top canvas they would be
 * stroked again at every move of z. Here they repaint only when the box, the codes or the view
 * change.
 */
export function useSelectionLayer(
  vp: Viewport | null,
  codes: Float32Array | null,
  logVar: Float32Array | null,
  box: LatentBounds | null,
): { ref: RefObject<HTMLCanvasElement | null>; count: number } {
  const ref = useRef<HTMLCanvasElement | null>(null);
  const ellipses = useMemo(
    () => (codes ? selectionEllipses(codes, logVar, box) : new Float32Array(0)),
    [codes, logVar, box],
  );
  useEffect(() => {
    const el = ref.current;
    if (!el || !vp) return;
    const frame = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(vp.width * dpr);
      const h = Math.round(vp.height * dpr);
      if (el.width !== w || el.height !== h) {
        el.width = w;
        el.height = h;
      }
      const ctx = el.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, w, h);
      if (ellipses.length === 0) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawSelectionEllipses(ctx, vp, ellipses);
    });
    return () => cancelAnimationFrame(frame);
  }, [ellipses, vp]);
  return { ref, count: ellipses.length / 4 };
}
