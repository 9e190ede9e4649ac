import { describe, expect, it } from 'vitest';
import { metricsFixture, modelFixture } from '../state/test-fixtures';
import { dataBounds, sliderBounds } from './model-bounds';

describe('sliderBounds', () => {
  it('adds a margin to the data bounds and rounds outward', () => {
    const model = modelFixture('a', [0, 0], { metrics: metricsFixture([-1, 0], [1, 2]) });
    expect(sliderBounds(model)).toEqual({ min: [-1.3, -0.3], max: [1.3, 2.3] });
    expect(sliderBounds(null)).toEqual({ min: [-1, -1], max: [1, 1] });
  });
});

describe('dataBounds', () => {
  it('measures the points when the model has no metrics yet', () => {
    const model = modelFixture('t', [0, 1, 2, -1], { metrics: null });
    expect(dataBounds(model)).toEqual({ min: [0, -1], max: [2, 1] });
  });
});
