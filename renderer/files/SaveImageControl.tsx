import { memo } from 'react';
import { useT } from '../i18n/I18nProvider';
import type { SaveActions } from './use-save-actions';
import './files.css';

/** Output sizes offered for Save image (the contract allows 64–1024 px). */
export const IMAGE_SIZES_PX = [64, 128, 256, 512, 1024] as const;

interface SaveImageControlProps {
  actions: SaveActions;
  disabled: boolean;
  sizePx: number;
  onSizePx(sizePx: number): void;
}

/** "Save image" with its size: writes the decoded image as a PNG with z (and the true factors when known) in its metadata. */
export const SaveImageControl = memo(function SaveImageControl({
  actions,
  disabled,
  sizePx,
  onSizePx,
}: SaveImageControlProps) {
  const t = useT();
  return (
    <div className="save-row">
      <select
        value={sizePx}
        onChange={(e) => onSizePx(Number(e.currentTarget.value))}
        aria-label={t('files.imageSize')}
      >
        {IMAGE_SIZES_PX.map((s) => (
          <option key={s} value={s}>
            {t('files.imageSize.option', { size: s })}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn-primary"
        disabled={disabled || actions.busy === 'image'}
        onClick={() => void actions.saveImage(sizePx)}
        title={t('files.saveImage.hint')}
      >
        {t(actions.busy === 'image' ? 'files.saveImage.saving' : 'files.saveImage')}
      </button>
    </div>
  );
});
