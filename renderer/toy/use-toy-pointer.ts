import { useRef, type PointerEvent, type RefObject } from 'react';
import type { ToyPoint } from './toy-brush';
import { dragBoxHandle, hitBoxHandle, type BoxHandle, type ToyBox } from './toy-box';

/** What a drag on the toy canvas does: move the box's corners and edges, paint or erase p_data. */
export type ToyTool = 'move' | 'paint' | 'erase';

/** How close (CSS pixels) a press must be to a box corner or edge to grab it. */
const GRAB_PX = 10;

export interface ToyPointerOptions {
  canvas: RefObject<HTMLCanvasElement | null>;
  tool: ToyTool;
  box: ToyBox | null;
  brushRadius: number;
  onPaint(from: ToyPoint, to: ToyPoint, radius: number, value: 0 | 1): void;
  onPaintEnd(): void;
  onBox(box: ToyBox): void;
}

type Gesture = { kind: 'paint'; last: ToyPoint } | { kind: 'box'; handle: BoxHandle; box: ToyBox } | null;

/** The world point (unit square, y up) under a pointer event. */
function worldPoint(el: HTMLCanvasElement, e: PointerEvent): ToyPoint {
  const rect = el.getBoundingClientRect();
  const w = rect.width || 1;
  const h = rect.height || 1;
  return [(e.clientX - rect.left) / w, 1 - (e.clientY - rect.top) / h];
}

/**
 * Pointer handlers of the toy canvas: with the move tool a press near the box grabs a corner or
 * an edge and drags it; with paint/erase a drag paints strokes, and release commits the region.
 */
export function useToyPointer(opts: ToyPointerOptions) {
  const gesture = useRef<Gesture>(null);
  const latest = useRef(opts);
  latest.current = opts;

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const { canvas, tool, box, brushRadius, onPaint } = latest.current;
    const el = canvas.current;
    if (!el || e.button !== 0) return;
    const p = worldPoint(el, e);
    if (tool === 'move') {
      const tolerance = GRAB_PX / (el.getBoundingClientRect().width || 1);
      const handle = box ? hitBoxHandle(box, p, tolerance) : null;
      if (!handle || !box) return;
      gesture.current = { kind: 'box', handle, box };
    } else {
      gesture.current = { kind: 'paint', last: p };
      onPaint(p, p, brushRadius, tool === 'paint' ? 1 : 0);
    }
    el.setPointerCapture?.(e.pointerId);
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const g = gesture.current;
    const { canvas, tool, brushRadius, onPaint, onBox } = latest.current;
    const el = canvas.current;
    if (!g || !el) return;
    const p = worldPoint(el, e);
    if (g.kind === 'paint') {
      onPaint(g.last, p, brushRadius, tool === 'paint' ? 1 : 0);
      gesture.current = { kind: 'paint', last: p };
    } else {
      onBox(dragBoxHandle(g.box, g.handle, p));
    }
  };

  const onPointerUp = () => {
    const g = gesture.current;
    gesture.current = null;
    if (g?.kind === 'paint') latest.current.onPaintEnd();
  };

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp };
}
