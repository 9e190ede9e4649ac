import { useState } from 'react';
import { DEFAULT_BRUSH_RADIUS } from './toy-brush';
import { ToyCanvas } from './ToyCanvas';
import { ToyDataControls } from './ToyDataControls';
import { ToyFigures } from './ToyFigures';
import { ToyModelControls } from './ToyModelControls';
import { ToySampleControls } from './ToySampleControls';
import type { ToyClient } from './toy-client';
import { useToy } from './use-toy';
import type { ToyTool } from './use-toy-pointer';
import './toy.css';

/**
 * The chapter's first figure, interactive: p_data is a region of the plane, N points are drawn
 * from it, a p_model is fitted to them by maximum likelihood, sampled, and judged exactly (A/B/C)
 * against the region. Self-contained: it needs no model and no request to the service. Fits run in the toy worker
 * (`client` replaces it in tests).
 */
export function ToyPanel({ client }: { client?: ToyClient }) {
  const { state, scores, busy, actions } = useToy(client);
  const [tool, setTool] = useState<ToyTool>('move');
  const [brushRadius, setBrushRadius] = useState(DEFAULT_BRUSH_RADIUS);
  return (
    <section
      className="panel toy-panel"
      aria-labelledby="toy-title"
      aria-busy={busy}
      data-testid="toy-panel"
      data-busy={busy}
    >
      <header className="panel-header">
        <div>
          <h2 id="toy-title">Toy example (2-D): fitting and judging a p_model</h2>
          <p className="panel-sub">
            Drag the box&apos;s corners and edges to change θ; paint your own p_data with the brush.
          </p>
        </div>
        <p className="toy-status muted" role="status">
          {busy ? 'Fitting p_model…' : ''}
        </p>
      </header>
      {state.error && (
        <div className="notice-inline error toy-error" role="alert">
          {state.error}
          <button type="button" className="btn btn-quiet" onClick={actions.dismissError}>
            Dismiss
          </button>
        </div>
      )}
      <div className="toy-body">
        <div className="toy-stage">
          <ToyCanvas
            scene={state}
            scores={scores}
            tool={tool}
            brushRadius={brushRadius}
            onPaint={actions.paint}
            onPaintEnd={actions.commitMask}
            onBox={actions.moveBox}
          />
          <p className="toy-legend muted">
            <span className="toy-swatch toy-swatch-region" aria-hidden="true" /> p_data&apos;s region{' '}
            <span className="toy-swatch toy-swatch-density" aria-hidden="true" /> p_model (50 / 90 / 99 %
            contours) <span className="toy-swatch toy-swatch-point" aria-hidden="true" /> training point
          </p>
        </div>
        <div className="toy-controls">
          <ToyDataControls
            state={state}
            actions={actions}
            tool={tool}
            onTool={setTool}
            brushRadius={brushRadius}
            onBrushRadius={setBrushRadius}
          />
          <ToyModelControls state={state} actions={actions} />
          <ToySampleControls state={state} actions={actions} />
          <ToyFigures scores={scores} />
        </div>
      </div>
    </section>
  );
}
