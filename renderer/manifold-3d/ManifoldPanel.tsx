import { useEffect, useMemo, useRef, useState } from 'react';
import type { AtlasApi, Factors, ModelState } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { FACTOR_WORDS, FACTORS, type Factor } from '../../shared/factors';
import { ManifoldLegend } from './ManifoldLegend';
import { estimateFactors, GRID_PER_SIDE, markerPosition } from './manifold-data';
import { ManifoldScene } from './manifold-scene';
import { useManifoldData } from './use-manifold-data';
import { insetLayout, type InsetLayout } from './view-layout';
import './manifold-panel.css';

export interface ManifoldPanelProps {
  api: AtlasApi;
  model: ModelState | null;
  /** Bumps whenever the weights change: each epoch during training, on load, on switch. */
  modelVersion: number;
  currentZ: [number, number];
  /** The decoded image at currentZ (null while none is at hand). */
  currentImage: Float32Array | null;
  colorBy: Factor;
  onColorByChange(c: Factor): void;
  /** From the Height/Radius sliders, else null. */
  trueFactors: Factors | null;
}

const CANVAS_LABEL =
  'Manifold in 3-D: the decoded latent grid as a surface in pixel space, projected on its top 3 principal components, ' +
  'with the validation images as points and the current latent point as a marker. Drag to orbit, scroll to zoom.';

/** The 2-D manifold of cylinder images inside pixel space, seen through its top 3 principal components. */
export function ManifoldPanel({
  api,
  model,
  modelVersion,
  currentZ,
  currentImage,
  colorBy,
  onColorByChange,
  trueFactors,
}: ManifoldPanelProps) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const [scene, setScene] = useState<ManifoldScene | null>(null);
  const [glError, setGlError] = useState<string | null>(null);
  const [inset, setInset] = useState<InsetLayout>(() => insetLayout(320, 320));
  const { data, error } = useManifoldData(api, model, modelVersion);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let created: ManifoldScene;
    try {
      created = new ManifoldScene(canvas);
    } catch (e) {
      setGlError(errorMessage(e));
      return;
    }
    const onLost = (event: Event) => {
      event.preventDefault();
      setGlError('The WebGL context was lost.');
    };
    canvas.addEventListener('webglcontextlost', onLost);
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      created.resize(width, height);
      setInset(insetLayout(width, height));
    });
    observer.observe(canvas);
    setScene(created);
    return () => {
      observer.disconnect();
      canvas.removeEventListener('webglcontextlost', onLost);
      created.dispose();
      setScene(null);
    };
  }, []);

  const marker = useMemo(
    () => (data ? markerPosition(data, currentImage, currentZ) : null),
    [data, currentImage, currentZ],
  );
  const estimated = useMemo(
    () => (trueFactors ? null : estimateFactors(model, currentZ)),
    [trueFactors, model, currentZ],
  );
  const cylinder = trueFactors ?? estimated;

  useEffect(() => {
    scene?.update({ data, colorBy });
  }, [scene, data, colorBy]);
  useEffect(() => {
    scene?.update({ marker });
  }, [scene, marker]);
  useEffect(() => {
    scene?.update({ cylinder });
  }, [scene, cylinder]);

  const explained = data
    ? `PC1–3 explain ${Math.round(data.explained * 100)}% of pixel variance`
    : model
      ? 'Projecting…'
      : 'No model loaded';
  const breakdown = data
    ? data.explainedEach.map((f, i) => `PC${i + 1} ${(f * 100).toFixed(1)}%`).join(' · ')
    : '';

  return (
    <section className="panel manifold-panel" aria-labelledby="manifold-title">
      <header className="panel-header">
        <div>
          <h2 id="manifold-title">Manifold in pixel space</h2>
          <p
            className="panel-sub"
            title={breakdown ? `Share of the decoded grid's pixel variance: ${breakdown}` : undefined}
          >
            <span data-testid="manifold-explained">{explained}</span>
          </p>
        </div>
        <div className="panel-actions">
          <div className="manifold-toggle" role="group" aria-label="Colour the 3-D view by">
            {FACTORS.map((c) => (
              <button
                key={c}
                type="button"
                className="btn btn-quiet"
                aria-pressed={colorBy === c}
                onClick={() => onColorByChange(c)}
              >
                {FACTOR_WORDS[c].label}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => scene?.resetView()}
            disabled={!scene}
          >
            Reset view
          </button>
        </div>
      </header>
      <div className="manifold-frame">
        {cylinder && !glError && (
          <div className="manifold-inset-box" style={insetBoxStyle(inset)} aria-hidden="true" />
        )}
        <canvas ref={canvasRef} className="manifold-canvas" aria-label={CANVAS_LABEL} />
        {cylinder && !glError && <InsetCaption factors={cylinder} estimated={!trueFactors} inset={inset} />}
        {glError && (
          <div className="manifold-message" role="status" title={glError}>
            3-D view unavailable: WebGL could not start here. Everything else works without it.
          </div>
        )}
        {!glError && (error || !model) && (
          <div className="manifold-message" role="status">
            {error
              ? `Could not project the manifold: ${error}`
              : 'Train a model or open one to see its manifold.'}
          </div>
        )}
      </div>
      <ManifoldLegend colorBy={colorBy} perSide={data?.perSide ?? GRID_PER_SIDE} breakdown={breakdown} />
    </section>
  );
}

/** The inset's backdrop, placed where the scene draws the cylinder (React sets these through the CSSOM, which the CSP allows). */
function insetBoxStyle({ size, margin, caption }: InsetLayout) {
  return { right: margin, top: margin, width: size, height: size + caption };
}

/** Caption under the cylinder inset: whose cylinder it is and its two factors. */
function InsetCaption({
  factors,
  estimated,
  inset,
}: {
  factors: Factors;
  estimated: boolean;
  inset: InsetLayout;
}) {
  return (
    <div
      style={{
        right: inset.margin,
        top: inset.margin + inset.size,
        width: inset.size,
        height: inset.caption,
      }}
      className="manifold-inset-caption"
      title={
        estimated
          ? 'Height and radius estimated at z from the nearest encoded validation images (kNN).'
          : 'Height and radius from the factor sliders.'
      }
    >
      <span className="manifold-inset-title">{estimated ? 'Estimated' : 'True cylinder'}</span>
      <span>
        h {factors.height.toFixed(2)} · r {factors.radius.toFixed(2)}
      </span>
    </div>
  );
}
