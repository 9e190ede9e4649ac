// A fake AtlasApi for jsdom tests: requests answered by the test's handlers (and recorded), events
// fired by the test.
import type { AtlasApi, EventName, Events, RequestName } from '../../shared/api';

type Handlers = Partial<Record<RequestName, (arg: unknown) => unknown>>;

export interface FakeApi {
  api: AtlasApi;
  /** Every request made, in order. */
  calls: { name: RequestName; arg: unknown }[];
  /** Fires an event to its listeners. */
  emit<E extends EventName>(name: E, payload: Events[E]): void;
}

/** A request without a handler rejects, so a test sees requests it did not expect. */
export function createFakeApi(handlers: Handlers): FakeApi {
  const calls: FakeApi['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api = {
    invoke: async (name: RequestName, arg: unknown) => {
      calls.push({ name, arg });
      const handler = handlers[name];
      if (!handler) throw new Error(`unexpected request ${name}`);
      return handler(arg);
    },
    on: (name: string, fn: (payload: unknown) => void) => {
      const set = listeners.get(name) ?? new Set();
      set.add(fn);
      listeners.set(name, set);
      return () => void set.delete(fn);
    },
  } as unknown as AtlasApi;
  return { api, calls, emit: (name, payload) => listeners.get(name)?.forEach((fn) => fn(payload)) };
}
