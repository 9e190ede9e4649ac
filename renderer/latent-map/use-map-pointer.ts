import { useEffect, useRef, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { PointerOverlay } from './use-box-drag';
import { panBy, screenToLatent, zoomAt, type ScreenPoint, type Viewport } from './viewport';

/** Zoom factor per wheel notch (100 px of deltaY) and per +/− key. */
const WHEEL_ZOOM = 1.18;
const KEY_ZOOM = 1.25;
/** A Shift press that moves less than this (CSS px) before it is released is a click, not a pan. */
export const CLICK_SLOP_PX = 4;

export interface MapPointerOptions {
  canvas: RefObject<HTMLCanvasElement | null>;
  vp: Viewport | null;
  setViewport(vp: Viewport): void;
  fit(): void;
  z: [number, number];
  /** Latent distance of one arrow-key nudge (Shift: ×10). */
  zStep: number;
  onZ(z: [number, number], source: 'map' | 'keys'): void;
  /** A Shift-click at latent point z (z itself does not move); without it Shift-click is a tiny pan. */
  onShiftClick?(z: [number, number]): void;
  /** The pointer hovers at `at` (null: left the map or started dragging). */
  onHover(at: ScreenPoint | null): void;
  /** A gesture that gets first refusal of every plain press (the p_model box's handles). */
  overlay?: PointerOverlay;
}

/**
 * The map's gestures: click or drag moves z (continuously), drag with Shift/Alt/Ctrl/⌘ or the
 * middle button pans, the wheel zooms at the cursor, arrow keys nudge z, +/− zoom, 0 fits. A plain
 * press on something the overlay claims (a box handle) drags that instead of z. A Shift press
 * released within CLICK_SLOP_PX of where it started is a Shift-click (`onShiftClick`): it pans
 * only once it has moved further.
 */
export function useMapPointer(o: MapPointerOptions) {
  const latest = useRef(o);
  useEffect(() => {
    latest.current = o;
  });
  /** `click`: where a Shift press started while it may still be a Shift-click (null: it is a drag). */
  const drag = useRef<{ mode: 'z' | 'pan' | 'overlay'; last: ScreenPoint; click: ScreenPoint | null } | null>(
    null,
  );

  useEffect(() => {
    const el = o.canvas.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const { vp, setViewport } = latest.current;
      if (!vp) return;
      e.preventDefault();
      const factor = WHEEL_ZOOM ** (-e.deltaY / 100);
      setViewport(zoomAt(vp, local(el, e), factor));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [o.canvas]);

  const moveZ = (at: ScreenPoint) => {
    const { vp, onZ } = latest.current;
    if (!vp) return;
    const p = screenToLatent(vp, at);
    onZ([p.z1, p.z2], 'map');
  };

  return {
    onPointerDown(e: PointerEvent<HTMLCanvasElement>) {
      const pan = e.button === 1 || (e.button === 0 && (e.shiftKey || e.altKey || e.ctrlKey || e.metaKey));
      if (e.button !== 0 && !pan) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      e.currentTarget.focus();
      const at = local(e.currentTarget, e);
      // Handles are hit-tested before z: a press on the box's corner must not also move z.
      const claimed = !pan && (latest.current.overlay?.down(at) ?? false);
      const shiftClick = e.button === 0 && e.shiftKey && latest.current.onShiftClick !== undefined;
      drag.current = {
        mode: pan ? 'pan' : claimed ? 'overlay' : 'z',
        last: at,
        click: shiftClick ? at : null,
      };
      latest.current.onHover(null);
      if (!pan && !claimed) moveZ(at);
    },
    onPointerMove(e: PointerEvent<HTMLCanvasElement>) {
      const at = local(e.currentTarget, e);
      const d = drag.current;
      if (!d) {
        const cursor = latest.current.overlay?.cursorAt(at) ?? '';
        e.currentTarget.style.cursor = cursor;
        // Over a box handle the hover card would sit on what the user is about to drag.
        return latest.current.onHover(cursor ? null : at);
      }
      if (d.click && isClick(d.click, at)) return;
      d.click = null;
      if (d.mode === 'overlay') latest.current.overlay?.move(at);
      else if (d.mode === 'z') moveZ(at);
      else if (latest.current.vp)
        latest.current.setViewport(panBy(latest.current.vp, at.x - d.last.x, at.y - d.last.y));
      d.last = at;
    },
    onPointerUp(e: PointerEvent<HTMLCanvasElement>) {
      const d = drag.current;
      if (d?.mode === 'overlay') latest.current.overlay?.up();
      drag.current = null;
      const { vp, onShiftClick } = latest.current;
      if (d?.click && vp && onShiftClick && isClick(d.click, local(e.currentTarget, e))) {
        const p = screenToLatent(vp, d.click);
        onShiftClick([p.z1, p.z2]);
      }
      if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    },
    onPointerLeave() {
      if (!drag.current) latest.current.onHover(null);
    },
    onKeyDown(e: KeyboardEvent<HTMLCanvasElement>) {
      const { z, zStep, onZ, vp, setViewport, fit } = latest.current;
      const step = zStep * (e.shiftKey ? 10 : 1);
      const nudges: Record<string, [number, number]> = {
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
        ArrowUp: [0, step],
        ArrowDown: [0, -step],
      };
      const nudge = nudges[e.key];
      if (nudge) onZ([z[0] + nudge[0], z[1] + nudge[1]], 'keys');
      else if ((e.key === '+' || e.key === '=') && vp) setViewport(zoomAt(vp, centre(vp), KEY_ZOOM));
      else if (e.key === '-' && vp) setViewport(zoomAt(vp, centre(vp), 1 / KEY_ZOOM));
      else if (e.key === '0') fit();
      else return;
      e.preventDefault();
    },
  };
}

/** Whether a press that started at `start` and is now at `at` is still a click (within CLICK_SLOP_PX). */
export function isClick(start: ScreenPoint, at: ScreenPoint): boolean {
  return Math.hypot(at.x - start.x, at.y - start.y) < CLICK_SLOP_PX;
}

function local(el: HTMLElement, e: { clientX: number; clientY: number }): ScreenPoint {
  const r = el.getBoundingClientRect();
  return { x: e.clientX - r.left, y: e.clientY - r.top };
}

function centre(vp: Viewport): ScreenPoint {
  return { x: vp.width / 2, y: vp.height / 2 };
}
