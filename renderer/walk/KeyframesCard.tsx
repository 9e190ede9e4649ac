import { FPS_RANGE, MAX_KEYFRAMES } from '../../shared/walk';
import { RangeField } from '../explore/RangeField';
import { useT } from '../i18n/I18nProvider';
import type { Keyframes } from './use-keyframes';

const fmt = (v: number) => v.toFixed(2).replace('-', '−');

/** The keyframed path: add keyframes at z, then play (1–60 fps, looped or once) or scrub along it. */
export function KeyframesCard({
  keys,
  z,
  hasModel,
}: {
  keys: Keyframes;
  z: [number, number];
  hasModel: boolean;
}) {
  const t = useT();
  const canPlay = keys.keys.length >= 2;
  return (
    <section className="panel card walk-card" aria-labelledby="keys-title" data-testid="keyframes">
      <h2 id="keys-title" className="card-title">
        {t('walk.keys.title')}
      </h2>
      <p className="card-intro muted">{t('walk.keys.intro')}</p>
      <div className="button-row">
        <button
          type="button"
          className="btn"
          disabled={!hasModel || keys.keys.length >= MAX_KEYFRAMES}
          onClick={() => keys.add(z)}
        >
          {t('walk.keys.add')}
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          disabled={keys.keys.length === 0}
          onClick={keys.clear}
        >
          {t('walk.keys.clear')}
        </button>
      </div>
      {keys.keys.length > 0 && (
        <ol className="keyframe-list" data-testid="keyframe-list">
          {keys.keys.map((k, i) => (
            <li key={i}>
              ({fmt(k[0])}, {fmt(k[1])})
            </li>
          ))}
        </ol>
      )}
      <div className="walk-settings">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!canPlay}
          aria-pressed={keys.playing}
          onClick={keys.toggle}
          data-testid="play-path"
          data-frames={keys.frames}
        >
          {t(keys.playing ? 'walk.keys.pause' : 'walk.keys.play')}
        </button>
        <label className="inline-field">
          <input type="checkbox" checked={keys.loop} onChange={(e) => keys.setLoop(e.target.checked)} />
          {t('walk.keys.loop')}
        </label>
        <label className="inline-field">
          {t('walk.keys.fps')}
          <input
            type="number"
            min={FPS_RANGE[0]}
            max={FPS_RANGE[1]}
            value={keys.fps}
            onChange={(e) => keys.setFps(Number(e.target.value))}
          />
        </label>
      </div>
      <RangeField
        label={t('walk.keys.along')}
        value={keys.t}
        min={0}
        max={1}
        step={0.001}
        readout={`${Math.round(keys.t * 100)} %`}
        disabled={!canPlay}
        testId="slider-path"
        onChange={keys.seek}
      />
    </section>
  );
}
