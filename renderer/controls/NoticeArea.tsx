import { memo } from 'react';
import type { Notices } from '../state/use-notices';

/** Outcomes of saving, opening, switching models: errors stay until dismissed. */
export const NoticeArea = memo(function NoticeArea({ notices }: { notices: Notices }) {
  return (
    <div className="notice-area" aria-live="polite">
      {notices.list.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span className="notice-text">{n.text}</span>
          <button
            type="button"
            className="notice-close"
            aria-label="Dismiss"
            onClick={() => notices.dismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
});
