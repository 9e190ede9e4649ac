import { memo, useCallback, useMemo, useState } from 'react';
import type { AtlasApi, BundledModel, LadderPoint, RecentModel } from '../../shared/api';
import { renderCylinder } from '../../shared/cylinder';
import { FACTORS, type Factor } from '../../shared/factors';
import type { MessageId } from '../../shared/i18n/catalogs';
import { useT } from '../i18n/I18nProvider';
import { viridisGradientCss } from '../latent-map/colormap';
import { ToyChoice } from '../toy/ToyChoice';
import { CompareTable } from './CompareTable';
import { CursorControls } from './CursorControls';
import { LadderPanel } from './LadderPanel';
import { SlotCard } from './SlotCard';
import { ladderLabel, slotChoices } from './slot-choices';
import { modelOf, useCompare } from './use-compare';
import { useLadder } from './use-ladder';
import { LADDER_DEFAULT } from '../../shared/api';
import './compare.css';

interface CompareViewProps {
  api: AtlasApi;
  bundled: readonly BundledModel[];
  recent: readonly RecentModel[];
  hasCurrent: boolean;
  /** A model trains in the explorer (the ladder waits). */
  training: boolean;
}

const MAP_PX = 216;

/** A factor's name and what its low and high ends look like, as the colour scale shows them. */
const FACTOR_MESSAGES: Readonly<Record<Factor, { label: MessageId; low: MessageId; high: MessageId }>> = {
  height: {
    label: 'compare.factor.height',
    low: 'compare.factor.height.low',
    high: 'compare.factor.height.high',
  },
  radius: {
    label: 'compare.factor.radius',
    low: 'compare.factor.radius.low',
    high: 'compare.factor.radius.high',
  },
};

/**
 * Models side by side (issue 12): up to four slots as small-multiple maps on one colour scale, a
 * linked cursor through all of them, a table of their scores, and the β ladder.
 */
export const CompareView = memo(function CompareView({
  api,
  bundled,
  recent,
  hasCurrent,
  training,
}: CompareViewProps) {
  const t = useT();
  const { state, actions } = useCompare(api);
  const ladder = useLadder(api);
  const [colorBy, setColorBy] = useState<Factor>('height');
  const choices = useMemo(
    () => slotChoices(t, bundled, recent, ladder.state.points, hasCurrent),
    [t, bundled, recent, ladder.state.points, hasCurrent],
  );
  const { cursor } = state;
  const trueImages = useMemo(
    () =>
      cursor.mode === 'factors'
        ? { 32: renderCylinder(cursor.factors, 32), 64: renderCylinder(cursor.factors, 64) }
        : null,
    [cursor],
  );
  const { fillFree, setCursor } = actions;
  const openPoint = useCallback(
    (p: LadderPoint) => void fillFree({ kind: 'ladder', id: p.id }, ladderLabel(t, p)),
    [fillFree, t],
  );
  const pickZ = useCallback((z: [number, number]) => setCursor({ mode: 'z', z }), [setCursor]);
  const startLadder = useCallback(
    (seeds: number, epochs: number) =>
      void ladder.actions.start({ betas: [...LADDER_DEFAULT.betas], seeds, epochs }),
    [ladder.actions],
  );
  const models = state.slots.map(modelOf).filter((m) => m !== null);
  return (
    <section
      className="panel compare-view"
      aria-labelledby="compare-title"
      data-testid="compare-view"
      data-probes={state.probeCount}
    >
      <header className="panel-header">
        <div>
          <h2 id="compare-title">{t('compare.title')}</h2>
          <p className="panel-sub">{t('compare.sub')}</p>
        </div>
        <div className="compare-colour">
          <ToyChoice<Factor>
            label={t('compare.colourBy')}
            name="compare-colour"
            options={FACTORS.map((f) => ({ id: f, label: t(FACTOR_MESSAGES[f].label) }))}
            value={colorBy}
            onChange={setColorBy}
          />
          <span className="compare-scale" aria-hidden="true">
            <span className="muted">{t(FACTOR_MESSAGES[colorBy].low)}</span>
            <span className="compare-scale-bar" style={{ background: viridisGradientCss() }} />
            <span className="muted">{t(FACTOR_MESSAGES[colorBy].high)}</span>
          </span>
        </div>
      </header>
      <div className="compare-body">
        <div className="compare-side">
          <CursorControls cursor={cursor} onCursor={setCursor} trueImage={trueImages?.[32] ?? null} />
          <LadderPanel
            ladder={ladder.state}
            onStart={startLadder}
            onStop={ladder.actions.stop}
            onOpen={openPoint}
            blocked={training}
          />
        </div>
        <div className="compare-main">
          <div className="slot-grid">
            {state.slots.map((view, i) => (
              <SlotCard
                key={i}
                index={i}
                view={view}
                probe={state.probes[i] ?? null}
                cursor={cursor}
                trueImages={trueImages}
                choices={choices}
                colorBy={colorBy}
                mapPx={MAP_PX}
                onFill={actions.fill}
                onClear={actions.clear}
                onPickZ={pickZ}
              />
            ))}
          </div>
          <CompareTable models={models} />
        </div>
      </div>
    </section>
  );
});
