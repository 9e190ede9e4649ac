import { modelName } from '../explore/model-description';
import { memo, useRef } from 'react';
import type { CompareProbeSlot, CompareSource } from '../../shared/api';
import type { Factor } from '../../shared/factors';
import type { MessageId } from '../../shared/i18n/catalogs';
import { useT } from '../i18n/I18nProvider';
import { GrayCanvas } from '../preview/GrayCanvas';
import { SlotMap } from './SlotMap';
import { SLOT_GROUPS, type SlotChoice } from './slot-choices';
import { modelOf, type Cursor, type SlotView } from './use-compare';

interface SlotCardProps {
  index: number;
  view: SlotView;
  probe: CompareProbeSlot | null;
  cursor: Cursor;
  /** The true cylinder's image at 32 and 64 px (factors mode), by image size. */
  trueImages: Record<number, Float32Array> | null;
  choices: readonly SlotChoice[];
  colorBy: Factor;
  mapPx: number;
  onFill(slot: number, source: CompareSource, label: string): void;
  onClear(slot: number): void;
  onPickZ(z: [number, number]): void;
}

const GROUP_NAMES: Record<SlotChoice['group'], MessageId> = {
  bundled: 'compare.slot.group.bundled',
  yours: 'compare.slot.group.yours',
  ladder: 'compare.slot.group.ladder',
};

/** One model of the Compare view: its picker, its map with the linked cursor, and its image at the cursor. */
export const SlotCard = memo(function SlotCard(props: SlotCardProps) {
  const { index, view, probe, cursor, trueImages, choices, colorBy, mapPx } = props;
  const file = useRef<HTMLInputElement | null>(null);
  const t = useT();
  const model = modelOf(view);
  const n = String(index + 1);
  const title = t('compare.slot', { n });

  const onFile = async (f: File | undefined) => {
    if (!f) return;
    const bytes = new Uint8Array(await f.arrayBuffer());
    props.onFill(index, { kind: 'file', bytes, fileName: f.name }, f.name);
  };

  return (
    <section
      className="card slot-card"
      aria-label={title}
      data-testid={`slot-${index}`}
      data-status={view.status}
      data-model={model?.info.id ?? ''}
    >
      <header className="slot-head">
        <h3 className="slot-title">{title}</h3>
        <select
          className="slot-pick"
          aria-label={t('compare.slot.pick', { n })}
          value=""
          onChange={(e) => {
            const choice = choices.find((c) => c.key === e.target.value);
            if (choice) props.onFill(index, choice.source, choice.label);
          }}
        >
          <option value="">{t(model ? 'compare.slot.replace' : 'compare.slot.choose')}</option>
          {SLOT_GROUPS.map((g) => {
            const list = choices.filter((c) => c.group === g);
            return list.length === 0 ? null : (
              <optgroup key={g} label={t(GROUP_NAMES[g])}>
                {list.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
        <button type="button" className="btn btn-quiet" onClick={() => file.current?.click()}>
          {t('compare.slot.openFile')}
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid={`slot-file-${index}`}
          onChange={(e) => {
            void onFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        {model && (
          <button
            type="button"
            className="btn btn-quiet slot-clear"
            aria-label={t('compare.slot.empty', { n })}
            onClick={() => props.onClear(index)}
          >
            ×
          </button>
        )}
      </header>
      {view.status === 'error' && (
        <p className="notice-inline error slot-error" role="alert">
          {view.message}
        </p>
      )}
      {view.status === 'loading' && (
        <p className="muted slot-empty">{t('compare.slot.loading', { label: view.label })}</p>
      )}
      {view.status === 'empty' && <p className="muted slot-empty">{t('compare.slot.hint')}</p>}
      {model && view.status !== 'loading' && (
        <div className="slot-body">
          <div className="slot-name" title={modelName(t, model.info)}>
            {modelName(t, model.info)}
            <span className="muted">
              {' '}
              · {model.info.config.kind.toUpperCase()}
              {model.info.config.kind === 'vae' ? `, β = ${model.info.config.beta}` : ''}
              {model.info.config.align > 0 ? `, λ = ${model.info.config.align}` : ''}
            </span>
          </div>
          <div className="slot-row">
            <SlotMap
              points={model.points}
              colorBy={colorBy}
              cursor={probe?.z ?? null}
              sizePx={mapPx}
              label={t('compare.slot.map', { name: modelName(t, model.info) })}
              onPick={cursor.mode === 'z' ? props.onPickZ : undefined}
            />
            <div className="slot-images">
              {cursor.mode === 'factors' && (
                <figure>
                  <GrayCanvas
                    image={trueImages?.[model.imageSize] ?? null}
                    imageSize={model.imageSize}
                    sizePx={72}
                    label={t('compare.slot.trueImage')}
                  />
                  <figcaption className="muted">{t('compare.slot.true')}</figcaption>
                </figure>
              )}
              <figure>
                <GrayCanvas
                  image={probe?.image ?? null}
                  imageSize={probe?.imageSize ?? model.imageSize}
                  sizePx={72}
                  label={t(
                    cursor.mode === 'factors' ? 'compare.slot.reconstructionBy' : 'compare.slot.decodedBy',
                    {
                      name: modelName(t, model.info),
                    },
                  )}
                  className="slot-recon"
                  data={{ 'data-probe': probe ? probe.z.map((v) => v.toFixed(4)).join(',') : '' }}
                />
                <figcaption className="muted">
                  {t(cursor.mode === 'factors' ? 'compare.slot.reconstruction' : 'compare.slot.decode')}
                </figcaption>
              </figure>
              {probe && (
                <p className="slot-z muted">
                  {t('compare.z', { z1: probe.z[0].toFixed(2), z2: probe.z[1].toFixed(2) })}
                </p>
              )}
            </div>
          </div>
        </div>
      )}
    </section>
  );
});
