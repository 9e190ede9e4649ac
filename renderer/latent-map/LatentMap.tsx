import { useEffect, useMemo, useRef } from 'react';
import type { LatentBox } from './box-handles';
import { drawCrosshair, drawMapBase } from './draw-latent-map';
import { drawBox } from './draw-pmodel';
import type { MapContent } from './map-content';
import { pmodelData } from './pmodel-data';
import { useBoxDrag, type BoxDragOptions } from './use-box-drag';
import { useMapPointer, type MapPointerOptions } from './use-map-pointer';
import type { Viewport } from './viewport';

interface LatentMapProps extends Omit<MapPointerOptions, 'canvas' | 'vp' | 'overlay'> {
  content: MapContent;
  vp: Viewport | null;
  /** Segment count of the drawn iso-lines (exposed for tests). */
  contourSegments: number;
  /** The p_model's uniform box (null: none, or the layer is hidden); dragged with `onBoxChange`. */
  box: LatentBox | null;
  onBoxChange?: BoxDragOptions['onBoxChange'];
}

const fmt = (v: number) => v.toFixed(4);

/**
 * The latent map's canvas. React owns the element; `drawMapBase` paints everything but the
 * crosshair into an offscreen copy, and each frame (one per animation frame at most) copies it and
 * draws the p_model box and the crosshair over it. Its state is readable by tests and assistive
 * tech through aria-label and data-*.
 */
export function LatentMap({ content, vp, contourSegments, box, onBoxChange, ...pointer }: LatentMapProps) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const base = useRef<{ canvas: HTMLCanvasElement | null; dirty: boolean }>({ canvas: null, dirty: true });
  const { overlay, shownBox, active } = useBoxDrag({ vp, box, onBoxChange });
  const handlers = useMapPointer({ ...pointer, canvas, vp, overlay });
  const { points, colorBy, tiles, fields, shade, layers, hoverIndex, pmodel } = content;
  const data = pmodelData(pmodel, shownBox);
  const boxAttr = String(data['data-pmodel-box']);

  // Why: while z or a box handle is dragged only the crosshair or the box moves; repainting
  // tiles, shading, iso-lines and points each time would cost most of a frame, so they are kept
  // in an offscreen copy.
  useEffect(() => {
    base.current.dirty = true;
  }, [points, colorBy, tiles, fields, shade, layers, hoverIndex, pmodel, vp]);

  useEffect(() => {
    const el = canvas.current;
    if (!el || !vp) return;
    const frame = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(vp.width * dpr);
      const h = Math.round(vp.height * dpr);
      const offscreen = (base.current.canvas ??= document.createElement('canvas'));
      for (const c of [el, offscreen]) {
        if (c.width !== w || c.height !== h) {
          c.width = w;
          c.height = h;
          base.current.dirty = true;
        }
      }
      const ctx = el.getContext('2d');
      const baseCtx = offscreen.getContext('2d');
      if (!ctx || !baseCtx) return;
      if (base.current.dirty) {
        drawMapBase(baseCtx, content, vp, dpr);
        base.current.dirty = false;
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(offscreen, 0, 0);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      if (shownBox) drawBox(ctx, vp, shownBox, active);
      if (content.points) drawCrosshair(ctx, vp, content.z);
      // For tools (scripts/bench-ui.mjs): set at every paint, so an observer sees each frame and
      // the box it drew (data-pmodel-box is the box React last rendered, which may not be drawn yet).
      el.setAttribute('data-painted-box', boxAttr);
    });
    return () => cancelAnimationFrame(frame);
  }, [content, vp, shownBox, active, boxAttr]);

  const codes = content.points?.codes;
  // A fingerprint of where the points are, so tests can see them move each epoch.
  const checksum = useMemo(
    () => (codes ? codes.reduce((sum, v) => sum + Math.abs(v), 0).toFixed(4) : ''),
    [codes],
  );
  const count = content.points?.count ?? 0;
  const tileCount = layers.showTiles && tiles ? tiles.perSide ** 2 : 0;
  const [z1, z2] = content.z;
  return (
    <canvas
      ref={canvas}
      className="latent-map-canvas"
      tabIndex={0}
      role="application"
      aria-roledescription="latent space map"
      aria-label={`Latent space map: ${count} encoded validation images coloured by true ${content.colorBy}; current point z = (${z1.toFixed(2)}, ${z2.toFixed(2)}). Click or drag to move it, arrow keys nudge, wheel zooms, Shift-drag pans.`}
      aria-describedby="latent-map-help"
      data-testid="latent-map"
      data-z1={fmt(z1)}
      data-z2={fmt(z2)}
      data-points={count}
      data-points-checksum={checksum}
      data-tiles={tileCount}
      data-color-by={content.colorBy}
      data-contour-segments={content.layers.showContours ? contourSegments : 0}
      data-shading={content.layers.showShading && content.fields ? 'on' : 'off'}
      data-hover-index={content.hoverIndex}
      data-view-center={vp ? `${fmt(vp.centerZ1)},${fmt(vp.centerZ2)}` : ''}
      data-view-scale={vp ? vp.scale.toFixed(3) : ''}
      {...data}
      style={{ width: vp?.width ?? '100%', height: vp?.height ?? '100%' }}
      {...handlers}
    />
  );
}
