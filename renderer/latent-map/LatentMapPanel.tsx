import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AtlasApi, GridPngRequest, LatentBounds, ModelState } from '../../shared/api';
import type { Point2 } from '../../shared/density/types';
import type { Factor } from '../../shared/factors';
import type { PModelLayer } from '../generate/pmodel-layer';
import { useT } from '../i18n/I18nProvider';
import { dataBounds, sliderBounds } from '../lib/model-bounds';
import { CorrelationTable } from './CorrelationTable';
import { HoverCard } from './HoverCard';
import { LatentMap } from './LatentMap';
import { MapLegend } from './MapLegend';
import type { MapLayers, MapContent, TileSheet } from './map-content';
import { fitBoundsOfCodes, sheetFitsView } from './map-extent';
import { tileCentres, useDecodedGrid } from './use-decoded-grid';
import { useHoverSample } from './use-hover-sample';
import { useMapFields } from './use-map-fields';
import { useMapViewport } from './use-map-viewport';
import { useAggregatePosterior } from './use-aggregate-posterior';
import { usePModelOverlay } from './use-pmodel-overlay';
import { visibleSquare, type ScreenPoint, type Viewport } from './viewport';
import { usePacedValue } from '../state/use-paced-value';
import './latent-map.css';
import type { MapPath } from './draw-path';
import { MapExportMenu, type SaveMade } from './MapExportMenu';
import { mapWords } from './map-words';

interface LatentMapPanelProps {
  api: AtlasApi;
  model: ModelState | null;
  /** Bumps when the weights change; the decoded tiles are asked again then (paced while training). */
  modelVersion: number;
  /**
   * A run is training: the view then refits as the codes move each epoch, and the tiles follow
   * the view paced as the weights are (use-paced-value.ts), not at every epoch.
   */
  training?: boolean;
  z: [number, number];
  colorBy: Factor;
  onColorBy(c: Factor): void;
  layers: MapLayers;
  onZ(z: [number, number], source: 'map' | 'keys'): void;
  /** A Shift-click on the map at latent point z (the Walk tab's A or B; z does not move). */
  onShiftClick?(z: [number, number]): void;
  /** The decoded grid on screen, as a request for 'Export grid' (null while none is shown). */
  onGridChange(req: GridPngRequest | null): void;
  /** Buttons for the panel's header (export…), composed by the app. */
  actions: ReactNode;
  /** The layers toolbar under the header, composed by the app. */
  toolbar: ReactNode;
  /** The fitted p_model to draw (null: none fitted). */
  pmodel?: PModelLayer | null;
  /** The Walk tab's walk or keyframed path, drawn over the points (null: none). */
  path?: MapPath | null;
  /** The points' codes at the timeline's "trails from" epoch, drawn as trails to them (null: none). */
  trails?: Float32Array | null;
  /** Saves the map exported as SVG or PNG (without it, no "Export map"). */
  onSaveMade?: SaveMade;
  /** The uniform box was dragged to new corners (called live, on every move). */
  onBoxChange?: (min: Point2, max: Point2) => void;
  /**
   * A VAE's validation log-variances (as the points): the hovered point's and the box's codes'
   * posterior ellipses, and the aggregate posterior q(z).
   */
  logVar?: Float32Array | null;
}

/** Pixels per tile of an exported grid sheet. */
const EXPORT_TILE_PX = 64;
/** Arrow keys move z by this fraction of the slider range. */
const KEY_STEP_FRACTION = 0.01;

/** The latent space of the current model: the map canvas with its header, legend and correlations. */
export function LatentMapPanel({
  api,
  model,
  modelVersion,
  training = false,
  z,
  colorBy,
  onColorBy,
  layers,
  onZ,
  onShiftClick,
  onGridChange,
  actions,
  toolbar,
  pmodel = null,
  onBoxChange,
  logVar = null,
  path = null,
  trails = null,
  onSaveMade,
}: LatentMapPanelProps) {
  const t = useT();
  const words = useMemo(() => mapWords(t), [t]);
  const frame = useRef<HTMLDivElement | null>(null);
  // A model that has just started training may have no codes yet: nothing to draw until its first epoch.
  const points = model && model.points.codes.length === 2 * model.points.count ? model.points : null;
  // The view fits the bulk of the data (1st–99th percentile), so a few outliers do not shrink it.
  const bounds = useMemo(
    () => (points ? fitBoundsOfCodes(points.codes) : model ? dataBounds(model) : null),
    [points, model],
  );
  const { vp, setViewport, fit } = useMapViewport(frame, bounds, model?.info.id ?? '');
  const square = useVisibleSquare(vp);
  // Why paced: each epoch moves the codes, refits the view and so would re-ask the whole grid
  // (800 KB of images through the host and the page, twice a second) in the middle of a drag.
  const gridSquare = usePacedValue(square, training);
  const grid = useDecodedGrid(api, gridSquare, layers.perSide, layers.showTiles, modelVersion);
  const tiles = tilesForView(grid.tiles, square);
  const { fields, shade, segmentCount } = useMapFields(points);
  const [hoverAt, setHoverAt] = useState<ScreenPoint | null>(null);
  const hover = useHoverSample(api, points, model?.imageSize ?? 32, vp, hoverAt);
  const pmodelOverlay = usePModelOverlay(pmodel, layers.showPModel);

  useEffect(() => {
    onGridChange(
      tiles
        ? { bounds: tileCentres(tiles.bounds, tiles.perSide), perSide: tiles.perSide, tilePx: EXPORT_TILE_PX }
        : null,
    );
  }, [tiles, onGridChange]);

  const isVae = model?.info.config.kind === 'vae';
  const epsDraw = useEpsDraw(isVae && layers.showEps && (hover?.index ?? -1) >= 0);
  const codesLogVar = isVae && logVar && points && logVar.length === points.codes.length ? logVar : null;
  const aggregate = useAggregatePosterior(points?.codes ?? null, codesLogVar, isVae && layers.showAggregate);
  const content: MapContent = useMemo(
    () => ({
      points,
      colorBy,
      z,
      tiles,
      fields,
      shade,
      layers,
      hoverIndex: hover?.index ?? -1,
      pmodel: pmodelOverlay,
      prior: isVae,
      epsDraw: isVae && layers.showEps && (hover?.index ?? -1) >= 0 ? epsDraw : -1,
      logVar: codesLogVar,
      aggregate,
      path,
      trails,
      words,
    }),
    [
      points,
      colorBy,
      z,
      tiles,
      fields,
      shade,
      layers,
      hover?.index,
      pmodelOverlay,
      isVae,
      codesLogVar,
      epsDraw,
      aggregate,
      path,
      trails,
      words,
    ],
  );
  const range = sliderBounds(model);
  const zStep = KEY_STEP_FRACTION * Math.max(range.max[0] - range.min[0], range.max[1] - range.min[1]);

  return (
    <section className="panel map-panel" aria-labelledby="map-title">
      <header className="panel-header">
        <div>
          <h2 id="map-title">{t('map.title')}</h2>
          <p className="panel-sub">
            {model ? t('map.sub', { count: model.points.count }) : t('map.sub.none')}
          </p>
        </div>
        <div className="panel-actions">
          {actions}
          {onSaveMade && <MapExportMenu content={content} vp={vp} onSave={onSaveMade} />}
          <button type="button" className="btn btn-quiet" onClick={fit} title={t('map.fitView.hint')}>
            {t('map.fitView')}
          </button>
        </div>
      </header>
      {toolbar}
      <div className="map-frame" ref={frame}>
        <LatentMap
          content={content}
          vp={vp}
          contourSegments={segmentCount}
          setViewport={setViewport}
          fit={fit}
          z={z}
          zStep={zStep}
          onZ={onZ}
          onShiftClick={onShiftClick}
          onHover={setHoverAt}
          box={layers.showPModel ? (pmodel?.box ?? null) : null}
          onBoxChange={onBoxChange}
        />
        {hover && vp && <HoverCard sample={hover} width={vp.width} height={vp.height} />}
        {grid.error && (
          <p className="notice-inline error map-grid-error" role="alert">
            {t('map.gridError', { reason: grid.error })}
          </p>
        )}
        {!points && (
          <div className="map-empty">
            <p>{model ? t('map.encoding') : t('map.empty')}</p>
          </div>
        )}
      </div>
      <footer className="map-footer">
        <MapLegend
          colorBy={colorBy}
          onColorBy={onColorBy}
          layers={layers}
          hasPModel={pmodel !== null}
          hasModel={model !== null}
          hasPrior={isVae}
          hasAggregate={aggregate !== null}
        />
        <CorrelationTable metrics={model?.info.metrics ?? null} />
      </footer>
    </section>
  );
}

/** The tile sheet to draw: the latest one while it still covers most of the view, else none. */
function tilesForView(tiles: TileSheet | null, square: LatentBounds | null): TileSheet | null {
  return tiles && square && sheetFitsView(tiles.bounds, square) ? tiles : null;
}

/** The latent square the grid covers, keeping its identity while the view's numbers hold. */
function useVisibleSquare(vp: Viewport | null) {
  const { centerZ1, centerZ2, scale, width, height } = vp ?? {
    centerZ1: 0,
    centerZ2: 0,
    scale: 0,
    width: 0,
    height: 0,
  };
  return useMemo(
    () => (scale > 0 ? visibleSquare({ centerZ1, centerZ2, scale, width, height }) : null),
    [centerZ1, centerZ2, scale, width, height],
  );
}

/** How often fresh ε draws replace the shown ones while a VAE's point is hovered. */
const EPS_DRAW_MS = 500;

/** A draw number that counts up every EPS_DRAW_MS while `running` (each is a fresh set of ε). */
function useEpsDraw(running: boolean): number {
  const [draw, setDraw] = useState(0);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setDraw((d) => d + 1), EPS_DRAW_MS);
    return () => clearInterval(timer);
  }, [running]);
  return draw;
}
