import { useRef } from 'react';
import type { MessageId } from '../../shared/i18n/catalogs';
import { useT } from '../i18n/I18nProvider';
import { GrayCanvas } from '../preview/GrayCanvas';
import { ToyChoice } from '../toy/ToyChoice';
import type { Cursor } from './use-compare';

interface CursorControlsProps {
  cursor: Cursor;
  onCursor(c: Cursor): void;
  /** The true cylinder at the cursor (32 px), for the pad's preview. */
  trueImage: Float32Array | null;
}

const PAD_PX = 168;
const MODES: readonly { id: Cursor['mode']; label: MessageId }[] = [
  { id: 'factors', label: 'compare.cursor.factors' },
  { id: 'z', label: 'compare.cursor.z' },
];

/**
 * The linked cursor: pick a true cylinder on a (radius, height) pad or with two sliders, and every
 * slot encodes its image; or link z directly, and a press on any map decodes that z in every model.
 */
export function CursorControls({ cursor, onCursor, trueImage }: CursorControlsProps) {
  const t = useT();
  const pad = useRef<HTMLDivElement | null>(null);
  const factors = cursor.mode === 'factors' ? cursor.factors : null;
  const fromPad = (e: React.PointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const radius = clamp01((e.clientX - rect.left) / rect.width);
    const height = clamp01(1 - (e.clientY - rect.top) / rect.height);
    onCursor({ mode: 'factors', factors: { height, radius } });
  };
  return (
    <section className="card cursor-controls" aria-labelledby="cursor-title">
      <h3 id="cursor-title" className="card-title">
        {t('compare.cursor.title')}
      </h3>
      <ToyChoice
        label={t('compare.cursor.linkBy')}
        name="cursor-mode"
        options={MODES.map(({ id, label }) => ({ id, label: t(label) }))}
        value={cursor.mode}
        onChange={(mode) =>
          onCursor(mode === 'factors' ? { mode, factors: { height: 0.5, radius: 0.5 } } : { mode, z: [0, 0] })
        }
      />
      {factors ? (
        <>
          <p className="card-intro muted">{t('compare.cursor.factorsIntro')}</p>
          <div className="cursor-pad-row">
            <div
              ref={pad}
              className="cursor-pad"
              data-testid="cursor-pad"
              role="slider"
              aria-label={t('compare.cursor.pad')}
              aria-valuetext={t('compare.cursor.padValue', {
                height: factors.height.toFixed(2),
                radius: factors.radius.toFixed(2),
              })}
              tabIndex={0}
              style={{ width: PAD_PX, height: PAD_PX }}
              onPointerDown={(e) => {
                e.currentTarget.setPointerCapture(e.pointerId);
                fromPad(e);
              }}
              onPointerMove={(e) => {
                if (e.buttons & 1) fromPad(e);
              }}
              onKeyDown={(e) => {
                const step = e.shiftKey ? 0.1 : 0.02;
                const d = {
                  ArrowLeft: [0, -step],
                  ArrowRight: [0, step],
                  ArrowUp: [step, 0],
                  ArrowDown: [-step, 0],
                }[e.key];
                if (!d) return;
                e.preventDefault();
                onCursor({
                  mode: 'factors',
                  factors: {
                    height: clamp01(factors.height + d[0]!),
                    radius: clamp01(factors.radius + d[1]!),
                  },
                });
              }}
            >
              <span
                className="cursor-pad-dot"
                style={{ left: `${factors.radius * 100}%`, top: `${(1 - factors.height) * 100}%` }}
              />
              <span className="cursor-pad-axis x">{t('compare.factor.radius')} →</span>
              <span className="cursor-pad-axis y">{t('compare.factor.height')} →</span>
            </div>
            <figure className="cursor-true">
              <GrayCanvas
                image={trueImage}
                imageSize={32}
                sizePx={88}
                label={t('compare.cursor.trueCylinder')}
              />
              <figcaption className="muted">
                {t('compare.cursor.factorsCaption', {
                  height: factors.height.toFixed(2),
                  radius: factors.radius.toFixed(2),
                })}
              </figcaption>
            </figure>
          </div>
        </>
      ) : cursor.mode === 'z' ? (
        <>
          <p className="card-intro muted">{t('compare.cursor.zIntro')}</p>
          <p className="cursor-z" data-testid="cursor-z">
            {t('compare.z', { z1: cursor.z[0].toFixed(2), z2: cursor.z[1].toFixed(2) })}
          </p>
        </>
      ) : null}
    </section>
  );
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));
}
