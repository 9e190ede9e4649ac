import { useEffect, useState } from 'react';
import type { ToyReport } from '../learn/lesson-state';
import { useT } from '../i18n/I18nProvider';
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
export function ToyPanel({ client, onReport }: { client?: ToyClient; onReport?: (r: ToyReport) => void }) {
  const t = useT();
  const { state, scores, busy, actions } = useToy(client);
  useEffect(() => onReport?.(toyReport(state, scores)), [state, scores, onReport]);
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
          <h2 id="toy-title">{t('toy.title')}</h2>
          <p className="panel-sub">{t('toy.sub')}</p>
        </div>
        <p className="toy-status muted" role="status">
          {busy ? t('toy.fitting') : ''}
        </p>
      </header>
      {state.error && (
        <div className="notice-inline error toy-error" role="alert">
          {t(state.error.id, state.error.values)}
          <button type="button" className="btn btn-quiet" onClick={actions.dismissError}>
            {t('toy.dismiss')}
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
            <span className="toy-swatch toy-swatch-region" aria-hidden="true" /> {t('toy.legend.region')}{' '}
            <span className="toy-swatch toy-swatch-density" aria-hidden="true" /> {t('toy.legend.density')}{' '}
            <span className="toy-swatch toy-swatch-point" aria-hidden="true" /> {t('toy.legend.point')}
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

/** What the lessons see of the toy (renderer/learn/lesson-state.ts). */
function toyReport(
  state: ReturnType<typeof useToy>['state'],
  scores: ReturnType<typeof useToy>['scores'],
): ToyReport {
  const { points, box, model, samples } = state;
  let boxIsMle = false;
  if (box && points.length >= 2) {
    const min = [Infinity, Infinity];
    const max = [-Infinity, -Infinity];
    for (let i = 0; i + 1 < points.length; i += 2) {
      for (const d of [0, 1]) {
        min[d] = Math.min(min[d]!, points[i + d]!);
        max[d] = Math.max(max[d]!, points[i + d]!);
      }
    }
    const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
    boxIsMle = [0, 1].every((d) => near(box.min[d]!, min[d]!) && near(box.max[d]!, max[d]!));
  }
  return {
    family: state.family,
    logLik: model?.generative ? model.logLik : null,
    boxIsMle,
    samples: samples ? samples.z.length / 2 : 0,
    precision: scores && Number.isFinite(scores.precision) ? scores.precision : null,
  };
}
