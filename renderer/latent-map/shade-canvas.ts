import type { MapFields } from './map-fields';
import { SHADE_RGB } from './map-palette';

/** The shading raster as a small canvas (one pixel per cell), to be drawn upscaled and smoothed. */
export function shadeCanvas(shade: MapFields['shade']): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = shade.cols;
  canvas.height = shade.rows;
  const data = new ImageData(shade.cols, shade.rows);
  for (let i = 0; i < shade.alpha.length; i++) {
    data.data[4 * i] = SHADE_RGB[0];
    data.data[4 * i + 1] = SHADE_RGB[1];
    data.data[4 * i + 2] = SHADE_RGB[2];
    data.data[4 * i + 3] = Math.round(255 * shade.alpha[i]!);
  }
  canvas.getContext('2d')?.putImageData(data, 0, 0);
  return canvas;
}
