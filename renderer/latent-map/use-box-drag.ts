import { useEffect, useRef, useState } from 'react';
import type { Point2 } from '../../shared/density/types';
import {
  dragBox,
  handleCursor,
  hitBoxHandle,
  MIN_BOX_PX,
  type BoxHandle,
  type LatentBox,
} from './box-handles';
import { screenToLatent, type ScreenPoint, type Viewport } from './viewport';

/**
 * A gesture layered over the map's own: the map offers it every press first, and while it holds a
 * drag the map neither moves z nor pans.
 */
export interface PointerOverlay {
  /** A press at `at` (CSS px): true when the overlay takes the drag. */
  down(at: ScreenPoint): boolean;
  /** The pointer moved while the overlay holds the drag. */
  move(at: ScreenPoint): void;
  up(): void;
  /** The CSS cursor over `at` when nothing is dragged ('' = the map's own). */
  cursorAt(at: ScreenPoint): string;
}

export interface BoxDragOptions {
  vp: Viewport | null;
  /** The box as the app holds it (null: no box to drag). */
  box: LatentBox | null;
  /** Called on every move of a drag with the new corners (min < max on both axes). */
  onBoxChange?: (min: Point2, max: Point2) => void;
}

/**
 * Dragging the uniform box's corners and edges. While a drag lasts the box shown is the one the
 * pointer makes (drawn at once, without waiting for the app to hand it back); `active` is the
 * handle under the pointer or being dragged, for highlighting.
 */
export function useBoxDrag({ vp, box, onBoxChange }: BoxDragOptions): {
  overlay: PointerOverlay;
  shownBox: LatentBox | null;
  active: BoxHandle | null;
} {
  const [dragged, setDragged] = useState<LatentBox | null>(null);
  const [active, setActive] = useState<BoxHandle | null>(null);
  const latest = useRef({ vp, box, onBoxChange });
  useEffect(() => {
    latest.current = { vp, box, onBoxChange };
  });
  const drag = useRef<{ handle: BoxHandle; from: ScreenPoint; start: LatentBox } | null>(null);

  const hit = (at: ScreenPoint): BoxHandle | null => {
    const { vp: v, box: b, onBoxChange: cb } = latest.current;
    return v && b && cb ? hitBoxHandle(v, b, at) : null;
  };

  const overlay: PointerOverlay = {
    down(at) {
      const handle = hit(at);
      const start = latest.current.box;
      if (!handle || !start) return false;
      drag.current = { handle, from: at, start };
      setActive(handle);
      return true;
    },
    move(at) {
      const d = drag.current;
      const { vp: v, onBoxChange: cb } = latest.current;
      if (!d || !v || !cb) return;
      // Why a delta from the press, not the pointer's position: grabbing a handle a few pixels
      // off its centre must not make the box jump there.
      const a = screenToLatent(v, d.from);
      const b = screenToLatent(v, at);
      const next = dragBox(d.start, d.handle, b.z1 - a.z1, b.z2 - a.z2, MIN_BOX_PX / v.scale);
      setDragged(next);
      cb(next.min, next.max);
    },
    up() {
      drag.current = null;
      setDragged(null);
      setActive(null);
    },
    cursorAt(at) {
      const handle = hit(at);
      setActive(handle);
      return handle ? handleCursor(handle) : '';
    },
  };
  return { overlay, shownBox: dragged ?? box, active };
}
