/**
 * Keeps up with a fast stream of requests (a slider drag, a map drag) against a slower worker:
 * at most one request is in flight, and while it runs only the newest pending argument is kept.
 * When the one in flight settles, the newest pending one starts. Intermediate values are dropped,
 * so the screen always converges to the latest value and never falls behind a drag.
 */
export interface LatestQueue<A> {
  /** Asks for `arg`; replaces any argument still waiting. */
  push(arg: A): void;
  /** True while a request is in flight. */
  readonly busy: boolean;
  /** Ignores every result from now on (on unmount). */
  dispose(): void;
}

export interface LatestQueueHandlers<A, R> {
  onResult(result: R, arg: A): void;
  onError?(error: unknown, arg: A): void;
}

/** @example const q = createLatestQueue((z) => api.invoke('model:decode', { z }), { onResult: show }); q.push(z); */
export function createLatestQueue<A, R>(
  run: (arg: A) => Promise<R>,
  handlers: LatestQueueHandlers<A, R>,
): LatestQueue<A> {
  let inFlight = false;
  let disposed = false;
  let pending: { arg: A } | null = null;

  const start = (arg: A): void => {
    inFlight = true;
    let promise: Promise<R>;
    try {
      promise = run(arg);
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise
      .then(
        (result) => {
          if (!disposed) handlers.onResult(result, arg);
        },
        (error: unknown) => {
          if (!disposed) handlers.onError?.(error, arg);
        },
      )
      .finally(() => {
        inFlight = false;
        if (disposed || pending === null) return;
        const next = pending.arg;
        pending = null;
        start(next);
      });
  };

  return {
    push(arg: A) {
      if (disposed) return;
      if (inFlight) pending = { arg };
      else start(arg);
    },
    get busy() {
      return inFlight;
    },
    dispose() {
      disposed = true;
      pending = null;
    },
  };
}
