import { useEffect, useMemo, useRef } from 'react';
import { useT } from '../i18n/I18nProvider';
import type { LatentBox } from './box-handles';
import { drawCrosshair, drawMapBase, posteriorRadii } from './draw-latent-map';
import { drawBox } from './draw-pmodel';
import { trailCount } from './draw-trails';
import type { MapContent } from './map-content';
import { pmodelData } from './pmodel-data';
import { useBoxDrag, type BoxDragOptions } from './use-box-drag';
import { useMapPointer, type MapPointerOptions } from './use-map-pointer';
import { useSelectionLayer } from './use-selection-layer';
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
 * The latent map: stacked canvases. `drawMapBase` paints everything but the crosshair and the
 * p_model box into the lowest one, only when its content changes; a VAE's 1σ posterior ellipses
 * of the codes in the box go on the next (use-selection-layer.ts), repainted when the box moves;
 * each frame (one per animation frame at most) clears the upper one and draws the box and the
 * crosshair on it. The upper canvas takes the pointer and keys, and its state is readable by tests
 * and assistive tech through aria-label and data-* (data-selection-ellipses: the ellipses' count;
 * data-aggregate: 'on' while q(z)'s contours are drawn).
 *
 * Why not one canvas and an offscreen copy: without a GPU, copying a whole canvas each frame took
 * 7–30 ms of the page's thread while a model trained (issue 11), and a slider's preview waited.
 */
export function LatentMap({ content, vp, contourSegments, box, onBoxChange, ...pointer }: LatentMapProps) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const baseCanvas = useRef<HTMLCanvasElement | null>(null);
  const base = useRef({ dirty: true });
  const { overlay, shownBox, active } = useBoxDrag({ vp, box, onBoxChange });
  const handlers = useMapPointer({ ...pointer, canvas, vp, overlay });
  const { points, colorBy, tiles, fields, shade, layers, hoverIndex, pmodel, aggregate, path } = content;
  const selection = useSelectionLayer(vp, points?.codes ?? null, content.logVar, shownBox);
  const data = pmodelData(pmodel, shownBox);
  const boxAttr = String(data['data-pmodel-box']);

  // Why: while z or a box handle is dragged only the crosshair or the box moves; repainting
  // tiles, shading, iso-lines and points each time would cost most of a frame, so they are kept
  // on the lower canvas.
  useEffect(() => {
    base.current.dirty = true;
  }, [
    points,
    colorBy,
    tiles,
    fields,
    shade,
    layers,
    hoverIndex,
    pmodel,
    aggregate,
    path,
    content.trails,
    vp,
    content.epsDraw,
    content.words,
  ]);

  useEffect(() => {
    const el = canvas.current;
    const lower = baseCanvas.current;
    if (!el || !lower || !vp) return;
    const frame = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(vp.width * dpr);
      const h = Math.round(vp.height * dpr);
      for (const c of [el, lower]) {
        if (c.width !== w || c.height !== h) {
          c.width = w;
          c.height = h;
          base.current.dirty = true;
        }
      }
      const ctx = el.getContext('2d');
      const baseCtx = lower.getContext('2d');
      if (!ctx || !baseCtx) return;
      if (base.current.dirty) {
        drawMapBase(baseCtx, content, vp, dpr);
        base.current.dirty = false;
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, w, h);
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
  const posterior = posteriorRadii(content.logVar, content.hoverIndex);
  const tileCount = layers.showTiles && tiles ? tiles.perSide ** 2 : 0;
  const [z1, z2] = content.z;
  const size = { width: vp?.width ?? '100%', height: vp?.height ?? '100%' };
  return (
    <>
      <canvas ref={baseCanvas} className="latent-map-base" aria-hidden="true" style={size} />
      <canvas ref={selection.ref} className="latent-map-base" aria-hidden="true" style={size} />
      <canvas
        ref={canvas}
        className="latent-map-canvas"
        tabIndex={0}
        role="application"
        aria-roledescription={t('map.canvas.role')}
        aria-label={t('map.canvas.label', {
          count,
          factor: content.words.factor[content.colorBy].name,
          z1: z1.toFixed(2),
          z2: z2.toFixed(2),
          shiftClick: pointer.onShiftClick ? 'yes' : 'no',
        })}
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
        data-prior={content.prior ? 'on' : 'off'}
        data-posterior-radii={posterior ? posterior.map((r) => r.toFixed(4)).join(',') : ''}
        data-eps-draw={posterior && content.epsDraw >= 0 ? content.epsDraw : -1}
        data-selection-ellipses={selection.count}
        data-aggregate={aggregate ? 'on' : 'off'}
        data-trails={content.trails ? trailCount(content.trails, codes) : 0}
        data-aggregate-contours={aggregate ? aggregate.map((c) => c.label).join(',') : ''}
        data-view-center={vp ? `${fmt(vp.centerZ1)},${fmt(vp.centerZ2)}` : ''}
        data-view-scale={vp ? vp.scale.toFixed(3) : ''}
        {...data}
        style={size}
        {...handlers}
      />
    </>
  );
}
