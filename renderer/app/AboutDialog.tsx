import { useEffect, useRef, useState } from 'react';
import type { AppInfo, AtlasApi } from '../../shared/api';
import './app-chrome.css';

/** Help → About: what the app shows, and the version, transport and tfjs backend in use. */
export function AboutDialog({ api, open, onClose }: { api: AtlasApi; open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
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
      <h2 id="about-title">Latent Atlas</h2>
      <p>
        Every cylinder picture here is really described by two numbers, height and radius. An autoencoder
        discovers a 2-D latent space for them: the encoder maps each image to a point, the decoder f maps
        points back to images — including cylinders it never saw. The images lie on a 2-D manifold in pixel
        space; the map shows how the model flattened it.
      </p>
      {info && (
        <p className="muted">
          Version {info.version} · {info.mode === 'electron' ? 'desktop app' : 'browser window'} · tfjs
          backend {info.backend} · {info.platform}
        </p>
      )}
      <div className="button-row">
        <button className="btn btn-primary" type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
