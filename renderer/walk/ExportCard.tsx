import { useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { ToyChoice } from '../toy/ToyChoice';
import type { Keyframes } from './use-keyframes';
import { type ExportSource, PATH_FRAMES, type useWalkExports } from './use-walk-exports';

const SOURCES = ['walk', 'path'] as const satisfies readonly ExportSource[];
const SIZES = [128, 256, 512] as const;

interface ExportCardProps {
  exports: ReturnType<typeof useWalkExports>;
  walkZ: Float32Array | null;
  keys: Keyframes;
}

/** Saves the walk or the path as a filmstrip PNG, an animated GIF or a WebM video, for slides. */
export function ExportCard({ exports, walkZ, keys }: ExportCardProps) {
  const t = useT();
  const sources = SOURCES.map((id) => ({
    id,
    label: t(id === 'walk' ? 'walk.export.source.walk' : 'walk.export.source.path'),
  }));
  const [source, setSource] = useState<ExportSource>('walk');
  const [px, setPx] = useState<number>(256);
  const ready = source === 'walk' ? walkZ !== null : keys.keys.length >= 2;
  const noVideo = 'reason' in exports.webmSupport ? exports.webmSupport.reason : null;
  return (
    <section className="panel card walk-card" aria-labelledby="export-title" data-testid="walk-export">
      <h2 id="export-title" className="card-title">
        {t('walk.export.title')}
      </h2>
      <ToyChoice<ExportSource>
        label={t('walk.export.source')}
        name="export-source"
        options={sources}
        value={source}
        onChange={setSource}
      />
      <div className="walk-settings">
        <label className="inline-field">
          {t('walk.export.frameSize')}
          <select value={px} onChange={(e) => setPx(Number(e.target.value))}>
            {SIZES.map((s) => (
              <option key={s} value={s}>
                {t('walk.export.px', { px: s })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="card-intro muted">
        {source === 'walk'
          ? t('walk.export.walkIntro')
          : t('walk.export.pathIntro', {
              frames: PATH_FRAMES,
              fps: keys.fps,
              loop: keys.loop ? 'yes' : 'no',
            })}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="btn"
          disabled={!ready || exports.busy !== null}
          onClick={() => void exports.filmstrip(source, walkZ, keys.flat, px)}
        >
          {t(exports.busy === 'png' ? 'walk.export.saving' : 'walk.export.filmstrip')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!ready || exports.busy !== null}
          onClick={() =>
            void exports.gif(source, walkZ, keys.flat, px, keys.fps, source === 'walk' || keys.loop)
          }
        >
          {t(exports.busy === 'gif' ? 'walk.export.encoding' : 'walk.export.gif')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!ready || exports.busy !== null || noVideo !== null}
          title={noVideo ?? t('walk.export.webmTitle')}
          onClick={() => void exports.webm(source, walkZ, keys.flat, px, keys.fps)}
        >
          {t(exports.busy === 'webm' ? 'walk.export.recording' : 'walk.export.webm')}
        </button>
      </div>
      {noVideo && <p className="muted">{t('walk.export.noVideo', { reason: noVideo })}</p>}
    </section>
  );
}
