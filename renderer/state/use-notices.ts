import { useCallback, useMemo, useRef, useState } from 'react';

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

export interface Notices {
  list: Notice[];
  /** Shows a notice; with a `topic`, earlier notices on that topic (a stale error) go. */
  push(kind: NoticeKind, text: string, topic?: string): void;
  /** Shows `error`'s message (an API error's message is meant for the user), prefixed by `what`. */
  fail(what: string, error: unknown, topic?: string): void;
  /** Removes every notice on `topic` (say, after that action succeeded without a notice of its own). */
  clear(topic: string): void;
  dismiss(id: number): void;
}

/** The app's notice area state. */
export function useNotices(): Notices {
  const [list, setList] = useState<Notice[]>([]);
  const nextId = useRef(1);
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
      if (kind !== 'error') setTimeout(() => dismiss(id), NOTICE_MS);
    },
    [dismiss],
  );
  const fail = useCallback(
    (what: string, error: unknown, topic?: string) => push('error', `${what}: ${errorMessage(error)}`, topic),
    [push],
  );
  return useMemo(() => ({ list, push, fail, clear, dismiss }), [list, push, fail, clear, dismiss]);
}

/** Drops the oldest errors beyond MAX_ERRORS. */
function capErrors(list: Notice[]): Notice[] {
  let extra = list.filter((n) => n.kind === 'error').length - MAX_ERRORS;
  return list.filter((n) => !(n.kind === 'error' && extra-- > 0));
}

/** The user-facing text of anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
