import { useState } from 'react';
import { ToyChoice } from '../toy/ToyChoice';
import type { Keyframes } from './use-keyframes';
import { type ExportSource, PATH_FRAMES, type useWalkExports } from './use-walk-exports';

const SOURCES = [
  { id: 'walk', label: 'The walk' },
  { id: 'path', label: 'The path' },
] as const;
const SIZES = [128, 256, 512] as const;

interface ExportCardProps {
  exports: ReturnType<typeof useWalkExports>;
  walkZ: Float32Array | null;
  keys: Keyframes;
}

/** Saves the walk or the path as a filmstrip PNG or an animated GIF, for slides. */
export function ExportCard({ exports, walkZ, keys }: ExportCardProps) {
  const [source, setSource] = useState<ExportSource>('walk');
  const [px, setPx] = useState<number>(256);
  const ready = source === 'walk' ? walkZ !== null : keys.keys.length >= 2;
  return (
    <section className="panel card walk-card" aria-labelledby="export-title" data-testid="walk-export">
      <h2 id="export-title" className="card-title">
        Export for slides
      </h2>
      <ToyChoice<ExportSource>
        label="Export"
        name="export-source"
        options={SOURCES}
        value={source}
        onChange={setSource}
      />
      <div className="walk-settings">
        <label className="inline-field">
          Frame size
          <select value={px} onChange={(e) => setPx(Number(e.target.value))}>
            {SIZES.map((s) => (
              <option key={s} value={s}>
                {s} px
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="card-intro muted">
        {source === 'walk'
          ? 'The strip’s frames, A to B.'
          : `${PATH_FRAMES} frames along the path; the GIF plays at the player’s ${keys.fps} fps${keys.loop ? ', looped' : ''}.`}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="btn"
          disabled={!ready || exports.busy !== null}
          onClick={() => void exports.filmstrip(source, walkZ, keys.flat, px)}
        >
          {exports.busy === 'png' ? 'Saving…' : 'Filmstrip PNG'}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!ready || exports.busy !== null}
          onClick={() =>
            void exports.gif(source, walkZ, keys.flat, px, keys.fps, source === 'walk' || keys.loop)
          }
        >
          {exports.busy === 'gif' ? 'Encoding…' : 'Animated GIF'}
        </button>
      </div>
    </section>
  );
}
