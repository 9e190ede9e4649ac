import { useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { GrayCanvas } from '../preview/GrayCanvas';
import type { SampleSet } from './use-samples';

/** Displayed side of a gallery tile, CSS pixels. */
const TILE_PX = 48;

/**
 * The decoded samples as small tiles, each labelled A or C once judged; clicking a tile moves z
 * there. "Show only A" leaves the failure gallery.
 */
export function SampleGallery({ samples, onZ }: { samples: SampleSet; onZ(z: [number, number]): void }) {
  const t = useT();
  const [onlyA, setOnlyA] = useState(false);
  const labels = samples.judged?.labels ?? null;
  const indices = Array.from({ length: samples.count }, (_, i) => i).filter(
    (i) => !onlyA || labels?.[i] === 'A',
  );
  return (
    <section
      className="gen-gallery"
      aria-label={t('generate.gallery')}
      data-count={samples.count}
      data-judged={labels !== null}
    >
      <label className="gen-filter">
        <input
          type="checkbox"
          checked={onlyA}
          onChange={(e) => setOnlyA(e.currentTarget.checked)}
          disabled={!labels}
        />
        {t('generate.gallery.onlyA')}
      </label>
      <ul className="gen-tiles">
        {indices.map((i) => {
          const z: [number, number] = [samples.z[2 * i] as number, samples.z[2 * i + 1] as number];
          const label = labels?.[i] ?? null;
          const name = t('generate.tile', {
            n: String(i + 1),
            z1: z[0].toFixed(2),
            z2: z[1].toFixed(2),
            label: label ?? 'none',
          });
          return (
            <li key={i}>
              <button
                type="button"
                className="gen-tile"
                aria-label={name}
                data-label={label ?? ''}
                data-z={`${z[0]},${z[1]}`}
                onClick={() => onZ(z)}
              >
                <GrayCanvas
                  image={samples.images}
                  imageSize={samples.imageSize}
                  index={i}
                  sizePx={TILE_PX}
                  label={t('generate.tile.image', { n: String(i + 1) })}
                />
                {label && <span className={`gen-badge gen-badge-${label}`}>{label}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
