import { useCallback, useMemo, useRef, useState } from 'react';

export type NoticeKind = 'error' | 'success' | 'info';

/** A message shown in the notice area: errors stay until dismissed, others fade after a while. */
export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
}

/** How long success/info notices stay. */
const NOTICE_MS = 6000;
/** Most notices on screen at once (oldest go first). */
const MAX_NOTICES = 4;

export interface Notices {
  list: Notice[];
  push(kind: NoticeKind, text: string): void;
  /** Shows `error`'s message (an API error's message is meant for the user), prefixed by `what`. */
  fail(what: string, error: unknown): void;
  dismiss(id: number): void;
}

/** The app's notice area state. */
export function useNotices(): Notices {
  const [list, setList] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setList((l) => l.filter((n) => n.id !== id)), []);
  const push = useCallback(
    (kind: NoticeKind, text: string) => {
      const id = nextId.current++;
      setList((l) => [...l.filter((n) => n.text !== text), { id, kind, text }].slice(-MAX_NOTICES));
      if (kind !== 'error') setTimeout(() => dismiss(id), NOTICE_MS);
    },
    [dismiss],
  );
  const fail = useCallback(
    (what: string, error: unknown) => push('error', `${what}: ${errorMessage(error)}`),
    [push],
  );
  return useMemo(() => ({ list, push, fail, dismiss }), [list, push, fail, dismiss]);
}

/** The user-facing text of anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
