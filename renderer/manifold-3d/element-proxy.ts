/**
 * What the orbit controls take for their canvas element inside the 3-D view's worker: it holds the
 * canvas' size and receives the pointer and wheel events the page forwards (scene-protocol.ts).
 * It is also its own `ownerDocument`, where the controls listen for moves during a drag: the page
 * captures the pointer on the canvas, so every move of a drag is forwarded here.
 */
import type { ForwardedEvent } from './scene-protocol';

type Listener = (event: ForwardedEvent & { preventDefault(): void; stopPropagation(): void }) => void;

/** Event types the controls may listen to; any other is accepted and never fires. */
export class ElementProxy {
  clientWidth = 1;
  clientHeight = 1;
  /** The controls set `cursor` and `touchAction` here; the cursor is passed on to the page. */
  readonly style: Record<string, string>;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(onCursor: (cursor: string) => void) {
    const style: Record<string, string> = {};
    this.style = new Proxy(style, {
      set(target, key, value) {
        target[key as string] = String(value);
        if (key === 'cursor') onCursor(String(value));
        return true;
      },
    });
  }

  get ownerDocument(): ElementProxy {
    return this;
  }

  setSize(width: number, height: number): void {
    this.clientWidth = width;
    this.clientHeight = height;
  }

  addEventListener(type: string, listener: Listener): void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  /** Hands a forwarded event to the listeners of its type (default actions were dealt with on the page). */
  dispatch(event: ForwardedEvent): void {
    const full = {
      ...event,
      pageX: event.clientX,
      pageY: event.clientY,
      preventDefault() {},
      stopPropagation() {},
    };
    for (const listener of [...(this.listeners.get(event.type) ?? [])]) listener(full);
  }

  /** Events start at the canvas' top-left corner (the page sends canvas-relative positions). */
  getBoundingClientRect(): { left: number; top: number; width: number; height: number } {
    return { left: 0, top: 0, width: this.clientWidth, height: this.clientHeight };
  }

  // The page holds the pointer capture and focus; nothing to do here.
  setPointerCapture(): void {}
  releasePointerCapture(): void {}
  hasPointerCapture(): boolean {
    return false;
  }
  focus(): void {}
}
