import { RangeField } from '../explore/RangeField';
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

const TOOLS: readonly { id: ToyTool; label: string }[] = [
  { id: 'move', label: 'Drag box' },
  { id: 'paint', label: 'Paint' },
  { id: 'erase', label: 'Erase' },
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
  const shape = state.shape === 'custom' ? null : state.shape;
  const count = useSettledCommit(state.pointCount, (n) => actions.setPoints(n, state.pointSeed));
  return (
    <section className="card toy-card" aria-labelledby="toy-data-title">
      <h3 id="toy-data-title" className="card-title">
        p_data: where real points come from
      </h3>
      <p className="card-intro">
        The shaded region is p_data. Training points X are drawn uniformly from it; p_model only ever sees the
        points.
      </p>
      <ToyChoice
        label="Region"
        name="toy-shape"
        options={TOY_SHAPES}
        value={shape}
        onChange={actions.chooseShape}
      />
      {state.shape === 'custom' && <p className="field-hint">Your own painted region.</p>}
      <ToyChoice label="Canvas tool" name="toy-tool" options={TOOLS} value={tool} onChange={onTool} />
      {tool !== 'move' && (
        <RangeField
          label="Brush size"
          value={brushRadius}
          min={BRUSH_RADIUS_LIMITS[0]}
          max={BRUSH_RADIUS_LIMITS[1]}
          step={0.005}
          onChange={onBrushRadius}
          hint="Paint or erase p_data on the plane; new points are drawn when you release."
        />
      )}
      <RangeField
        label="Training points N"
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
          Draw new points
        </button>
        <span className="muted" data-testid="toy-point-seed">
          seed {state.pointSeed}
        </span>
      </div>
    </section>
  );
}
