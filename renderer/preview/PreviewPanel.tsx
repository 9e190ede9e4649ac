import { useT } from '../i18n/I18nProvider';
import type { Decoded } from '../state/use-decoded-image';
import type { Truth } from '../state/use-explorer-view';
import { GrayCanvas } from './GrayCanvas';
import './preview.css';

/** Side of the large preview in CSS pixels (the decoded image is 32 or 64 px, smoothly upscaled). */
export const PREVIEW_PX = 256;
const TRUE_INSET_PX = 56;

interface PreviewPanelProps {
  decoded: Decoded | null;
  /** The current z (the decode on screen may lag it by one frame while dragging). */
  z: [number, number];
  /** True factors and image when z came from the factor sliders. */
  truth: Truth | null;
  error: string | null;
  /** Save controls for the header, composed by the app. */
  actions: React.ReactNode;
}

const fmt = (v: number) => v.toFixed(3).replace('-', '−');

/** The decoded image f(z), large, with its z — and the true cylinder beside it when known. */
export function PreviewPanel({ decoded, z, truth, error, actions }: PreviewPanelProps) {
  const t = useT();
  const shownZ = decoded?.z ?? z;
  return (
    <section className="panel preview-panel" aria-labelledby="preview-title">
      <header className="panel-header">
        <div>
          <h2 id="preview-title" title={t('preview.title.hint')}>
            {t('preview.title')}
          </h2>
        </div>
        <div className="panel-actions">{actions}</div>
      </header>
      <div className="preview-stage">
        <div className="preview-frame">
          <GrayCanvas
            image={decoded?.image ?? null}
            imageSize={decoded?.imageSize ?? 32}
            sizePx={PREVIEW_PX}
            label={t('preview.image', { z1: fmt(shownZ[0]), z2: fmt(shownZ[1]) })}
            className="preview-canvas"
            data={{
              'data-testid': 'preview',
              'data-frame': decoded?.frame ?? 0,
              'data-z1': shownZ[0].toFixed(4),
              'data-z2': shownZ[1].toFixed(4),
            }}
          />
          {truth && (
            <figure className="preview-truth">
              <GrayCanvas
                image={truth.image}
                imageSize={truth.imageSize}
                sizePx={TRUE_INSET_PX}
                label={t('preview.trueImage')}
              />
              <figcaption>{t('preview.trueX')}</figcaption>
            </figure>
          )}
        </div>
      </div>
      <div className="preview-z" aria-live="off">
        <span>{t('preview.z1', { value: fmt(shownZ[0]) })}</span>
        <span>{t('preview.z2', { value: fmt(shownZ[1]) })}</span>
        {truth && (
          <span title={t('preview.factors.hint')}>
            {t('preview.factors', {
              height: truth.factors.height.toFixed(2),
              radius: truth.factors.radius.toFixed(2),
            })}
          </span>
        )}
        {decoded && <span className="muted">{t('preview.size', { size: decoded.imageSize })}</span>}
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {t('preview.failed', { reason: error })}
        </p>
      )}
    </section>
  );
}
