import { useRef } from 'react';
import { FACTOR_WORDS } from '../../shared/factors';
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
const MODES = [
  { id: 'factors', label: 'A true cylinder' },
  { id: 'z', label: 'The same z' },
] as const;

/**
 * The linked cursor: pick a true cylinder on a (radius, height) pad or with two sliders, and every
 * slot encodes its image; or link z directly, and a press on any map decodes that z in every model.
 */
export function CursorControls({ cursor, onCursor, trueImage }: CursorControlsProps) {
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
        Linked cursor
      </h3>
      <ToyChoice
        label="Link by"
        name="cursor-mode"
        options={MODES}
        value={cursor.mode}
        onChange={(mode) =>
          onCursor(mode === 'factors' ? { mode, factors: { height: 0.5, radius: 0.5 } } : { mode, z: [0, 0] })
        }
      />
      {factors ? (
        <>
          <p className="card-intro muted">
            Drag on the pad to choose a cylinder: every model encodes its image; each map marks where, beside
            its reconstruction.
          </p>
          <div className="cursor-pad-row">
            <div
              ref={pad}
              className="cursor-pad"
              data-testid="cursor-pad"
              role="slider"
              aria-label="True height and radius"
              aria-valuetext={`height ${factors.height.toFixed(2)}, radius ${factors.radius.toFixed(2)}`}
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
              <span className="cursor-pad-axis x">{FACTOR_WORDS.radius.label} →</span>
              <span className="cursor-pad-axis y">{FACTOR_WORDS.height.label} →</span>
            </div>
            <figure className="cursor-true">
              <GrayCanvas image={trueImage} imageSize={32} sizePx={88} label="The true cylinder" />
              <figcaption className="muted">
                h {factors.height.toFixed(2)} · r {factors.radius.toFixed(2)}
              </figcaption>
            </figure>
          </div>
        </>
      ) : cursor.mode === 'z' ? (
        <>
          <p className="card-intro muted">
            Press or drag on any map: every model decodes that same z. The same coordinates mean different
            cylinders in different models: a latent space has no units of its own.
          </p>
          <p className="cursor-z" data-testid="cursor-z">
            z = ({cursor.z[0].toFixed(2)}, {cursor.z[1].toFixed(2)})
          </p>
        </>
      ) : null}
    </section>
  );
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));
}
