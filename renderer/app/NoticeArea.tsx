import { memo } from 'react';
import { useT } from '../i18n/I18nProvider';
import type { Notice } from '../state/use-notices';
import './app-chrome.css';

interface NoticeAreaProps {
  notices: Notice[];
  onDismiss(id: number): void;
}

/** Outcomes of saving, opening, switching models: errors stay until dismissed. */
export const NoticeArea = memo(function NoticeArea({ notices, onDismiss }: NoticeAreaProps) {
  const t = useT();
  return (
    <div className="notice-area" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span className="notice-text">{n.text}</span>
          <button
            type="button"
            className="notice-close"
            aria-label={t('notice.dismiss')}
            onClick={() => onDismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
});
