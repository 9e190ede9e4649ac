import type { MessageId } from '../../shared/i18n/catalogs';
import { RangeField } from '../explore/RangeField';
import { useT } from '../i18n/I18nProvider';
import { BRUSH_RADIUS_LIMITS } from './toy-brush';
import { POINT_COUNT_LIMITS } from './toy-sampling';
import { TOY_SHAPES } from './toy-shapes';
import type { ToyView } from './toy-engine';
import type { ToyTool } from './use-toy-pointer';
import { ToyChoice } from './ToyChoice';
import { useSettledCommit } from './use-settled-commit';
import type { ToyActions } from './use-toy';

interface ToyDataControlsProps {
  state: ToyView;
  actions: ToyActions;
  tool: ToyTool;
  onTool(tool: ToyTool): void;
  brushRadius: number;
  onBrushRadius(radius: number): void;
}

const TOOLS: readonly { id: ToyTool; label: MessageId }[] = [
  { id: 'move', label: 'toy.tool.move' },
  { id: 'paint', label: 'toy.tool.paint' },
  { id: 'erase', label: 'toy.tool.erase' },
];

/** p_data: the region (a preset or painted), and the training points drawn from it. */
export function ToyDataControls({
  state,
  actions,
  tool,
  onTool,
  brushRadius,
  onBrushRadius,
}: ToyDataControlsProps) {
  const t = useT();
  const shape = state.shape === 'custom' ? null : state.shape;
  const count = useSettledCommit(state.pointCount, (n) => actions.setPoints(n, state.pointSeed));
  return (
    <section className="card toy-card" aria-labelledby="toy-data-title">
      <h3 id="toy-data-title" className="card-title">
        {t('toy.data.title')}
      </h3>
      <p className="card-intro">{t('toy.data.intro')}</p>
      <ToyChoice
        label={t('toy.region')}
        name="toy-shape"
        options={TOY_SHAPES.map(({ id, label }) => ({ id, label: t(label) }))}
        value={shape}
        onChange={actions.chooseShape}
      />
      {state.shape === 'custom' && <p className="field-hint">{t('toy.region.custom')}</p>}
      <ToyChoice
        label={t('toy.tool')}
        name="toy-tool"
        options={TOOLS.map(({ id, label }) => ({ id, label: t(label) }))}
        value={tool}
        onChange={onTool}
      />
      {tool !== 'move' && (
        <RangeField
          label={t('toy.brush')}
          value={brushRadius}
          min={BRUSH_RADIUS_LIMITS[0]}
          max={BRUSH_RADIUS_LIMITS[1]}
          step={0.005}
          onChange={onBrushRadius}
          hint={t('toy.brush.hint')}
        />
      )}
      <RangeField
        label={t('toy.points')}
        value={count.shown}
        min={POINT_COUNT_LIMITS[0]}
        max={POINT_COUNT_LIMITS[1]}
        step={50}
        readout={count.shown}
        onChange={count.change}
        testId="toy-point-count"
      />
      <div className="button-row">
        <button
          type="button"
          className="btn"
          onClick={() => actions.setPoints(state.pointCount, state.pointSeed + 1)}
        >
          {t('toy.points.redraw')}
        </button>
        <span className="muted" data-testid="toy-point-seed">
          {t('toy.points.seed', { seed: String(state.pointSeed) })}
        </span>
      </div>
    </section>
  );
}
