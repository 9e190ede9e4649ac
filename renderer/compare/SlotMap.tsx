import { useEffect, useMemo, useRef } from 'react';
import type { LatentPoints } from '../../shared/api';
import type { Factor } from '../../shared/factors';
import { drawCursor, drawSlotPoints, frameOf, toLatent } from './slot-map';

interface SlotMapProps {
  points: LatentPoints;
  colorBy: Factor;
  /** Where the linked cursor sits on this map, or null. */
  cursor: [number, number] | null;
  sizePx: number;
  label: string;
  /** With the cursor linked by z: a press or drag on the map moves it there. */
  onPick?: (z: [number, number]) => void;
}

/**
 * A slot's map: the codes on a base canvas (drawn when the model or the colouring changes) under
 * the cursor's canvas (drawn at every move), so a drag across four maps repaints four small marks.
 */
export function SlotMap({ points, colorBy, cursor, sizePx, label, onPick }: SlotMapProps) {
  const base = useRef<HTMLCanvasElement | null>(null);
  const top = useRef<HTMLCanvasElement | null>(null);
  const frame = useMemo(() => frameOf(points.codes), [points]);
  const side = Math.round(sizePx * (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1));

  useEffect(() => {
    const ctx = sized(base.current, side);
    if (ctx) drawSlotPoints(ctx, side, frame, points, colorBy);
  }, [points, frame, colorBy, side]);

  useEffect(() => {
    const ctx = sized(top.current, side);
    if (!ctx) return;
    if (cursor) drawCursor(ctx, side, frame, cursor);
    else ctx.clearRect(0, 0, side, side);
  }, [cursor, frame, side]);

  const pick = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!onPick) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - rect.left) / rect.width) * side;
    const y = ((e.clientY - rect.top) / rect.height) * side;
    onPick(toLatent(frame, side, x, y));
  };

  return (
    <div className="slot-map" style={{ width: sizePx, height: sizePx }}>
      <canvas ref={base} className="slot-map-base" aria-hidden="true" />
      <canvas
        ref={top}
        className="slot-map-top"
        role="img"
        aria-label={label}
        data-cursor={cursor ? cursor.map((v) => v.toFixed(4)).join(',') : ''}
        data-linked={onPick ? 'z' : 'factors'}
        onPointerDown={(e) => {
          if (!onPick) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          pick(e);
        }}
        onPointerMove={(e) => {
          if (e.buttons & 1) pick(e);
        }}
      />
    </div>
  );
}

function sized(el: HTMLCanvasElement | null, side: number): CanvasRenderingContext2D | null {
  if (!el) return null;
  if (el.width !== side) {
    el.width = side;
    el.height = side;
  }
  return el.getContext('2d');
}
