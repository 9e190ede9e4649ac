import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../shared/errors';

export type NoticeKind = 'error' | 'success' | 'info';

/** A message shown in the notice area: errors stay until dismissed, others fade after a while. */
export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
  /** The action it reports on, e.g. "Save image": a later notice on it replaces this one. */
  topic?: string;
}

/** How long success/info notices stay. */
const NOTICE_MS = 6000;
/** Most notices on screen at once (oldest go first). */
const MAX_NOTICES = 4;
/** Most error notices on screen at once (oldest go first). */
const MAX_ERRORS = 2;

/** What the app does with notices: the same object for the app's lifetime. */
export interface NoticeActions {
  /** Shows a notice; with a `topic`, earlier notices on that topic (a stale error) go. */
  push(kind: NoticeKind, text: string, topic?: string): void;
  /** Shows `error`'s message (an API error's message is meant for the user), prefixed by `what`. */
  fail(what: string, error: unknown, topic?: string): void;
  /** Removes every notice on `topic` (say, after that action succeeded without a notice of its own). */
  clear(topic: string): void;
  dismiss(id: number): void;
}

/**
 * The app's notice area state: the notices on screen, and actions kept apart from them so that
 * callbacks using the actions are not rebuilt each time a notice comes or goes.
 */
export function useNotices(): { list: Notice[]; actions: NoticeActions } {
  const [list, setList] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  // A notice fading after the app (or a test) unmounted must not update it.
  useEffect(() => {
    const pending = timers.current;
    return () => {
      pending.forEach(clearTimeout);
      pending.clear();
    };
  }, []);
  const dismiss = useCallback((id: number) => setList((l) => l.filter((n) => n.id !== id)), []);
  const clear = useCallback((topic: string) => setList((l) => l.filter((n) => n.topic !== topic)), []);
  const push = useCallback(
    (kind: NoticeKind, text: string, topic?: string) => {
      const id = nextId.current++;
      setList((l) =>
        capErrors([
          ...l.filter((n) => n.text !== text && (topic === undefined || n.topic !== topic)),
          { id, kind, text, ...(topic === undefined ? {} : { topic }) },
        ]).slice(-MAX_NOTICES),
      );
      if (kind === 'error') return;
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        dismiss(id);
      }, NOTICE_MS);
      timers.current.add(timer);
    },
    [dismiss],
  );
  const fail = useCallback(
    (what: string, error: unknown, topic?: string) => push('error', `${what}: ${errorMessage(error)}`, topic),
    [push],
  );
  const actions = useMemo(() => ({ push, fail, clear, dismiss }), [push, fail, clear, dismiss]);
  return { list, actions };
}

/** Drops the oldest errors beyond MAX_ERRORS. */
function capErrors(list: Notice[]): Notice[] {
  let extra = list.filter((n) => n.kind === 'error').length - MAX_ERRORS;
  return list.filter((n) => !(n.kind === 'error' && extra-- > 0));
}
