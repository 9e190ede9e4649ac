import { useMemo } from 'react';
import type { PModelLayer } from '../generate/pmodel-layer';
import type { PModelOverlay } from './map-content';
import { densityPixels, hdrContours, pixelBounds, type DensityRaster } from './pmodel-overlay';

/**
 * The p_model layer ready to paint: the shading image is rebuilt only when the raster object
 * changes, the contours only when the raster or the levels do. Null when there is no layer or it
 * is hidden.
 */
export function usePModelOverlay(layer: PModelLayer | null, show: boolean): PModelOverlay | null {
  const raster = layer?.raster ?? null;
  const levels = layer?.levels;
  const image = useMemo(() => (raster ? densityCanvas(raster) : null), [raster]);
  const contours = useMemo(() => (raster && levels ? hdrContours(raster, levels) : []), [raster, levels]);
  const samples = layer?.samples ?? null;
  const point = layer?.point ?? null;
  // Why not the layer itself: a dragged box makes a new layer object each move, and the overlay
  // must keep its identity then, so the map's offscreen base is not repainted for nothing.
  const present = layer !== null;
  return useMemo(
    () =>
      present && show
        ? { image, imageBounds: raster ? pixelBounds(raster) : null, contours, samples, point }
        : null,
    [present, show, image, raster, contours, samples, point],
  );
}

/** The raster as a small canvas (one pixel per node), to be drawn upscaled and smoothed. */
function densityCanvas(raster: DensityRaster): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = raster.cols;
  canvas.height = raster.rows;
  const data = new ImageData(raster.cols, raster.rows);
  data.data.set(densityPixels(raster));
  canvas.getContext('2d')?.putImageData(data, 0, 0);
  return canvas;
}
