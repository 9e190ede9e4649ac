import { memo, useRef } from 'react';
import { useT } from '../i18n/I18nProvider';
import type { SaveActions } from './use-save-actions';

interface ModelFileButtonsProps {
  actions: SaveActions;
  /** 'browser': Open model goes through a hidden file input; 'electron': a native dialog. */
  transport: 'electron' | 'browser';
  /** Locked while training (the engine refuses to swap models mid-run). */
  locked: boolean;
  hasModel: boolean;
}

/** Save model / Open model (.atlas.json bundles). */
export const ModelFileButtons = memo(function ModelFileButtons({
  actions,
  transport,
  locked,
  hasModel,
}: ModelFileButtonsProps) {
  const t = useT();
  const input = useRef<HTMLInputElement | null>(null);
  const open = () => {
    if (transport === 'browser') input.current?.click();
    else void actions.openModel();
  };
  return (
    <>
      <button type="button" className="btn" onClick={open} disabled={locked || actions.busy === 'open-model'}>
        {t('files.openModel')}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => void actions.saveModel()}
        disabled={!hasModel || actions.busy === 'save-model'}
      >
        {t('files.saveModel')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.atlas.json,application/json"
        hidden
        aria-label={t('files.openModel.input')}
        data-testid="open-model-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void actions.openModel(file);
        }}
      />
    </>
  );
});
