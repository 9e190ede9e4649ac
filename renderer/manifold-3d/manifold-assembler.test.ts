import { describe, expect, it } from 'vitest';
import { gridCodes } from '../../shared/latent-grid';
import { createManifoldAssembler } from './manifold-assembler';
import { assembleManifold, renderImages, type ManifoldInputs } from './manifold-data';

function input(): ManifoldInputs {
  const bounds = { min: [0, 0] as [number, number], max: [1, 1] as [number, number] };
  const codes = Float32Array.from([0.2, 0.3, 0.8, 0.7]);
  return {
    modelId: 'm',
    imageSize: 32,
    perSide: 4,
    bounds,
    gridImages: renderImages(gridCodes(bounds, 4), 16, 32),
    reconImages: renderImages(codes, 2, 32),
    sample: { codes, factors: codes, count: 2 },
    valCodes: codes,
    valFactors: codes,
    previous: null,
  };
}

describe('createManifoldAssembler', () => {
  it('falls back to the main thread where no Worker exists, with the same result', async () => {
    expect(typeof Worker).toBe('undefined'); // node: the fallback path
    const assembler = createManifoldAssembler();
    const data = await assembler.assemble(input());
    expect(Array.from(data.gridPositions)).toEqual(Array.from(assembleManifold(input()).gridPositions));
    assembler.dispose();
  });
});
