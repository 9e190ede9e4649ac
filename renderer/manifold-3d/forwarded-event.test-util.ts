import type { ForwardedEvent } from './scene-protocol';

/** A forwarded mouse event at (x, y) on the canvas, as the page sends it to the scene's worker. */
export function forwardedEvent(
  type: ForwardedEvent['type'],
  x: number,
  y: number,
  extra: Partial<ForwardedEvent> = {},
): ForwardedEvent {
  return {
    type,
    pointerId: 1,
    pointerType: 'mouse',
    button: 0,
    clientX: x,
    clientY: y,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    deltaX: 0,
    deltaY: 0,
    deltaMode: 0,
    ...extra,
  };
}
