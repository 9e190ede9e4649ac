import { useEffect, useRef, useState } from 'react';
import type { ModelState } from '../../shared/api';
import { useT } from '../i18n/I18nProvider';
import { RotateLatent } from './RotateLatent';
import type { Rotation } from './use-rotation';

interface RotatePopoverProps {
  model: ModelState | null;
  rotation: Rotation;
  locked: boolean;
}

/**
 * The map header's "Rotate axes" button and its card, floating over the map (the sidebar has no
 * room to spare at 1280×720); Escape or the button closes it.
 */
export function RotatePopover({ model, rotation, locked }: RotatePopoverProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  const turned = Math.abs(rotation.angle) > 1e-9;
  return (
    <div className="rotate-anchor" ref={root}>
      <button
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls="rotate-popover"
        disabled={!model}
        onClick={() => setOpen((o) => !o)}
      >
        {turned
          ? t('explore.rotate.openTurned', { degrees: ((rotation.angle * 180) / Math.PI).toFixed(0) })
          : t('explore.rotate.open')}
      </button>
      {open && (
        <div id="rotate-popover" className="rotate-popover">
          <RotateLatent model={model} rotation={rotation} locked={locked} />
        </div>
      )}
    </div>
  );
}
