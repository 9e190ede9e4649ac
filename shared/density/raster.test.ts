import { describe, expect, it } from 'vitest';
import { gridLayout } from '../latent-grid';
import { fitGaussian } from './gaussian';
import { fitGmm } from './gmm';
import { densityRaster } from './raster';
import { gaussianCodes } from './test-fixtures';

describe('densityRaster', () => {
  const bounds = { min: [-3, -2] as [number, number], max: [4, 1] as [number, number] };

  it("is log p at the nodes of gridLayout(…, 'bottom-up'), row 0 at min z2", () => {
    const d = fitGmm(gaussianCodes(200, 71), 2, 1);
    const raster = densityRaster(d, bounds, 7, 5);
    expect(raster).toHaveLength(35);
    expect(Array.from(raster)).toEqual(Array.from(d.logDensity(gridLayout(bounds, 7, 5, 'bottom-up'))));
  });

  it('puts the bottom-left corner first and the top-right last', () => {
    const d = fitGaussian(gaussianCodes(200, 72));
    const raster = densityRaster(d, bounds, 7, 5);
    const [first, last] = d.logDensity([-3, -2, 4, 1]);
    expect(raster[0]).toBeCloseTo(first as number, 12);
    expect(raster[34]).toBeCloseTo(last as number, 12);
  });
});
