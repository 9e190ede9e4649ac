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

/** Saves the walk or the path as a filmstrip PNG, an animated GIF or a WebM video, for slides. */
export function ExportCard({ exports, walkZ, keys }: ExportCardProps) {
  const [source, setSource] = useState<ExportSource>('walk');
  const [px, setPx] = useState<number>(256);
  const ready = source === 'walk' ? walkZ !== null : keys.keys.length >= 2;
  const noVideo = 'reason' in exports.webmSupport ? exports.webmSupport.reason : null;
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
          : `${PATH_FRAMES} frames along the path; the GIF and the video play at the player’s ${keys.fps} fps${keys.loop ? ', the GIF looped' : ''}.`}
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
        <button
          type="button"
          className="btn"
          disabled={!ready || exports.busy !== null || noVideo !== null}
          title={noVideo ?? 'Recorded in real time: it takes as long as it plays'}
          onClick={() => void exports.webm(source, walkZ, keys.flat, px, keys.fps)}
        >
          {exports.busy === 'webm' ? 'Recording…' : 'WebM video'}
        </button>
      </div>
      {noVideo && <p className="muted">No WebM video here: {noVideo}</p>}
    </section>
  );
}
