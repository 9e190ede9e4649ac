import { useEffect, useMemo, useRef, useState } from 'react';
import type { AtlasApi, Factors, ModelState } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import type { Factor } from '../../shared/factors';
import type { Translate } from '../../shared/i18n/translate';
import * as current from '../i18n/current';
import { useLocale, useT } from '../i18n/I18nProvider';
import type { SaveMade } from '../latent-map/MapExportMenu';
import { ManifoldExportMenu } from './ManifoldExportMenu';
import { ManifoldLegend } from './ManifoldLegend';
import { estimateFactors, GRID_PER_SIDE, markerPosition } from './manifold-data';
import { useManifoldData } from './use-manifold-data';
import { insetLayout, type InsetLayout } from './view-layout';
import { createSceneView, type SceneView } from './worker-scene';
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
  /** Saves the view exported as PNG (without it, no "Export view"). */
  onSaveMade?: SaveMade;
}

/** Below this share of the images' pixel variance the decoded grid is called flat (see gridSpread). */
const FLAT_GRID_SPREAD = 0.1;

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
  onSaveMade,
}: ManifoldPanelProps) {
  const t = useT();
  const { locale } = useLocale();
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const [scene, setScene] = useState<SceneView | null>(null);
  const [glError, setGlError] = useState<string | null>(null);
  // In a worker first (its frames never hold the page); on the page if that fails. A failed
  // worker has taken the canvas' drawing, so the page draws on a new canvas (keyed by `where`).
  const [where, setWhere] = useState<'worker' | 'page'>('worker');
  const [size, setSize] = useState({ width: 320, height: 320 });
  const inset = useMemo(() => insetLayout(size.width, size.height), [size]);
  const { data, error } = useManifoldData(api, model, modelVersion);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let created: SceneView;
    try {
      created = createSceneView(canvas, where, (message) => {
        console.warn(`3-D view: drawing on the page instead (${message})`);
        setWhere('page');
      });
    } catch (e) {
      setGlError(errorMessage(e));
      return;
    }
    const onLost = (event: Event) => {
      event.preventDefault();
      setGlError(current.t('manifold.contextLost'));
    };
    canvas.addEventListener('webglcontextlost', onLost);
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      created.resize(width, height);
      setSize({ width, height });
    });
    observer.observe(canvas);
    setScene(created);
    return () => {
      observer.disconnect();
      canvas.removeEventListener('webglcontextlost', onLost);
      created.dispose();
      setScene(null);
    };
  }, [where]);
  useEffect(() => {
    scene?.setLocale(locale);
  }, [scene, locale]);

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

  const explained = !data
    ? t(model ? 'manifold.projecting' : 'manifold.noModel')
    : data.gridSpread < FLAT_GRID_SPREAD
      ? // Early in a run the grid is nearly one image: its 3 components would "explain 100%" of almost nothing.
        t('manifold.flat', { share: formatShare(data.gridSpread) })
      : t('manifold.explained', { percent: Math.round(data.explained * 100) });
  const breakdown = data
    ? data.explainedEach
        .map((f, i) => `${t('manifold.pc', { n: i + 1 })} ${(f * 100).toFixed(1)}%`)
        .join(' · ')
    : '';

  return (
    <section className="panel manifold-panel" aria-labelledby="manifold-title">
      <header className="panel-header">
        <div>
          <h2 id="manifold-title">{t('manifold.title')}</h2>
        </div>
        <div className="panel-actions">
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => scene?.resetView()}
            disabled={!scene}
          >
            {t('manifold.resetView')}
          </button>
          {onSaveMade && (
            <ManifoldExportMenu
              snapshot={scene && ((scale) => scene.snapshot(scale))}
              size={size}
              unavailable={glError ? t('manifold.noWebgl') : !data ? t('manifold.nothingToExport') : null}
              onSave={onSaveMade}
            />
          )}
        </div>
        {/* Under the title row, the panel's full width: one line, not three beside the button. */}
        <p
          className="panel-sub manifold-sub"
          title={breakdown ? t('manifold.breakdown', { breakdown }) : undefined}
        >
          <span data-testid="manifold-explained">{explained}</span>
        </p>
      </header>
      <div className="manifold-frame">
        {cylinder && !glError && (
          <div className="manifold-inset-box" style={insetBoxStyle(inset)} aria-hidden="true" />
        )}
        <canvas key={where} ref={canvasRef} className="manifold-canvas" aria-label={t('manifold.canvas')} />
        {cylinder && !glError && (
          <InsetCaption factors={cylinder} estimated={!trueFactors} inset={inset} t={t} />
        )}
        {glError && (
          <div className="manifold-message" role="status" title={glError}>
            {t('manifold.unavailable')}
          </div>
        )}
        {!glError && (error || !model) && (
          <div className="manifold-message" role="status">
            {error ? t('manifold.couldNotProject', { error }) : t('manifold.trainOrOpen')}
          </div>
        )}
      </div>
      <ManifoldLegend
        colorBy={colorBy}
        onColorByChange={onColorByChange}
        perSide={data?.perSide ?? GRID_PER_SIDE}
        breakdown={breakdown}
      />
    </section>
  );
}

/** "3 %", "0.4 %": a share in percent with one significant digit below 1 %. */
function formatShare(share: number): string {
  const pct = share * 100;
  return `${pct >= 1 ? Math.round(pct) : Number(pct.toPrecision(1))}%`;
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
  t,
}: {
  factors: Factors;
  estimated: boolean;
  inset: InsetLayout;
  t: Translate;
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
      title={t(estimated ? 'manifold.inset.estimatedTitle' : 'manifold.inset.trueTitle')}
    >
      <span className="manifold-inset-title">
        {t(estimated ? 'manifold.inset.estimated' : 'manifold.inset.true')}
      </span>
      <span>
        {t('manifold.inset.factors', {
          height: factors.height.toFixed(2),
          radius: factors.radius.toFixed(2),
        })}
      </span>
    </div>
  );
}
