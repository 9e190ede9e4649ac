// A minimal renderHook for jsdom tests (no testing-library in this project): mounts a component
// that calls the hook and exposes its latest result.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface HookHandle<P, R> {
  readonly current: R;
  rerender(props: P): Promise<void>;
  unmount(): Promise<void>;
}

export async function renderHook<P, R>(hook: (props: P) => R, props: P): Promise<HookHandle<P, R>> {
  let latest: R | undefined;
  function Probe(p: { value: P }) {
    latest = hook(p.value);
    return null;
  }
  const root: Root = createRoot(document.createElement('div'));
  await act(async () => root.render(createElement(Probe, { value: props })));
  return {
    get current() {
      return latest as R;
    },
    rerender: (next: P) => act(async () => root.render(createElement(Probe, { value: next }))),
    unmount: () => act(async () => root.unmount()),
  };
}

/** Lets pending promise callbacks and React updates run. */
export function settle(): Promise<void> {
  return act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

/**
 * Does what a user or an event would (call a hook's action, fire an API event) inside `act`, and
 * waits until the work it started has settled, so React applies every update it causes.
 */
export async function inAct(work: () => unknown): Promise<void> {
  await act(async () => {
    await work();
    await new Promise((r) => setTimeout(r, 0));
  });
}
