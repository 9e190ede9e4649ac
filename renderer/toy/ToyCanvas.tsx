import { useEffect, useMemo, useRef, useState } from 'react';
import { describeParams } from '../../shared/density';
import { useT } from '../i18n/I18nProvider';
import { drawToy, type ToyScene } from './draw-toy';
import { regionCellCount } from './toy-mask';
import type { ToyScores } from './toy-score';
import { useToyPointer, type ToyPointerOptions } from './use-toy-pointer';

interface ToyCanvasProps extends Omit<ToyPointerOptions, 'canvas' | 'box'> {
  scene: ToyScene;
  scores: ToyScores | null;
}

/** The side in CSS pixels of a canvas that is not laid out (jsdom), so drawing stays defined. */
const FALLBACK_SIDE_PX = 480;

/**
 * The toy's plane: React owns the canvas, `drawToy` paints it once per animation frame at most,
 * at the device's pixel ratio (crisp on HiDPI). Its state is readable through data-* attributes.
 */
export function ToyCanvas({ scene, scores, ...pointer }: ToyCanvasProps) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [sidePx, setSidePx] = useState(FALLBACK_SIDE_PX);
  const handlers = useToyPointer({ ...pointer, canvas, box: scene.box });

  useEffect(() => {
    const el = canvas.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const side = Math.round(entry?.contentRect.width ?? 0);
      if (side > 0) setSidePx(side);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const frame = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      const px = Math.round(sidePx * dpr);
      if (el.width !== px || el.height !== px) {
        el.width = px;
        el.height = px;
      }
      const ctx = el.getContext('2d');
      if (ctx) drawToy(ctx, scene, sidePx, dpr);
    });
    return () => cancelAnimationFrame(frame);
  }, [scene, sidePx]);

  const params = scene.model?.params;
  // The region as drawn, a stroke not yet fitted included (the figures keep the fitted one's).
  const regionCells = useMemo(() => regionCellCount(scene.mask), [scene.mask]);
  const pointCount = scene.points.length / 2;
  const sampleCount = scene.samples ? scene.samples.labels.length : 0;
  return (
    <canvas
      ref={canvas}
      className={`toy-canvas toy-tool-${pointer.tool}`}
      role="img"
      aria-label={t('toy.canvas', {
        points: pointCount,
        samples: sampleCount,
        family: params?.family ?? 'none',
      })}
      data-testid="toy-canvas"
      data-family={params?.family ?? ''}
      data-theta={params ? describeParams(params) : ''}
      data-points={pointCount}
      data-samples={sampleCount}
      data-plausible={scores?.plausible ?? 0}
      data-looks-wrong={scores?.looksWrong ?? 0}
      data-region-cells={regionCells}
      data-box={scene.box ? [...scene.box.min, ...scene.box.max].map((v) => v.toFixed(4)).join(',') : ''}
      data-contours={scene.model?.levels.length ?? 0}
      {...handlers}
    />
  );
}
