import { memo } from 'react';
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
  return (
    <div className="save-row">
      <select
        value={sizePx}
        onChange={(e) => onSizePx(Number(e.currentTarget.value))}
        aria-label="Image size in pixels"
      >
        {IMAGE_SIZES_PX.map((s) => (
          <option key={s} value={s}>
            {s} px
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn-primary"
        disabled={disabled || actions.busy === 'image'}
        onClick={() => void actions.saveImage(sizePx)}
        title="PNG of f(z), upscaled, with z, the model id and (from the factor sliders) height and radius in its text chunks"
      >
        {actions.busy === 'image' ? 'Saving…' : 'Save image'}
      </button>
    </div>
  );
});
