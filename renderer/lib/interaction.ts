/**
 * When the user last interacted with the page (an input, pointer, key or wheel event), for work
 * that should wait for the hand to rest: the paced views (use-paced-value.ts) and, without a GPU,
 * the 3-D view's marker (manifold-scene.ts).
 */

/** The hand rests once no event has come for this long. */
export const QUIET_MS = 300;

let lastInteraction = -Infinity;

/** Marks "the user is interacting now" (the window's listeners below call it). */
export function noteInteraction(now = performance.now()): void {
  lastInteraction = now;
}

/** The time (performance.now) at which the hand counts as resting, if no event comes meanwhile. */
export function quietFrom(): number {
  return lastInteraction + QUIET_MS;
}

if (typeof window !== 'undefined') {
  const note = (): void => noteInteraction();
  for (const type of ['input', 'pointerdown', 'pointermove', 'keydown', 'wheel']) {
    window.addEventListener(type, note, { capture: true, passive: true });
  }
}
