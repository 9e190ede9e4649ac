import { useEffect, useRef, useState } from 'react';
import type { AppInfo, AtlasApi } from '../../shared/api';
import { useT } from '../i18n/I18nProvider';
import './app-chrome.css';

/** Help → About: what the app shows, and the version, transport and tfjs backend in use. */
export function AboutDialog({ api, open, onClose }: { api: AtlasApi; open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const t = useT();
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      api.invoke('app:info', undefined).then(setInfo, () => setInfo(null));
    } else if (!open && el.open) el.close();
  }, [open, api]);
  return (
    <dialog ref={dialog} className="about" onClose={onClose} aria-labelledby="about-title">
      <h2 id="about-title">{t('app.name')}</h2>
      <p>{t('about.text')}</p>
      {info && <p className="muted">{t('about.details', { ...info })}</p>}
      <div className="button-row">
        <button className="btn btn-primary" type="button" onClick={onClose} autoFocus>
          {t('about.close')}
        </button>
      </div>
    </dialog>
  );
}
