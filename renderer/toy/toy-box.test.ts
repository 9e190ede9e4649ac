import { describe, expect, it } from 'vitest';
import { dragBoxHandle, hitBoxHandle, MIN_BOX_SPAN } from './toy-box';

const box = { min: [0.2, 0.3] as [number, number], max: [0.6, 0.8] as [number, number] };

describe('hitBoxHandle', () => {
  it('finds corners first, then edges, and nothing away from the outline', () => {
    expect(hitBoxHandle(box, [0.21, 0.79], 0.02)).toEqual({ x: 'min', y: 'max' });
    expect(hitBoxHandle(box, [0.6, 0.5], 0.02)).toEqual({ x: 'max', y: null });
    expect(hitBoxHandle(box, [0.4, 0.29], 0.02)).toEqual({ x: null, y: 'min' });
    expect(hitBoxHandle(box, [0.4, 0.5], 0.02)).toBeNull();
    // On the line of an edge but beyond the box: not that edge.
    expect(hitBoxHandle(box, [0.6, 0.95], 0.02)).toBeNull();
  });
});

describe('dragBoxHandle', () => {
  it('moves only the grabbed sides', () => {
    expect(dragBoxHandle(box, { x: 'max', y: 'min' }, [0.7, 0.1])).toEqual({
      min: [0.2, 0.1],
      max: [0.7, 0.8],
    });
    expect(dragBoxHandle(box, { x: null, y: 'max' }, [0.9, 0.9])).toEqual({
      min: [0.2, 0.3],
      max: [0.6, 0.9],
    });
  });

  it('stops a side before it meets the opposite one, and at the square', () => {
    const crossed = dragBoxHandle(box, { x: 'min', y: null }, [0.9, 0.5]);
    expect(crossed.min[0]).toBeCloseTo(0.6 - MIN_BOX_SPAN, 12);
    expect(dragBoxHandle(box, { x: 'max', y: 'max' }, [1.4, 1.2]).max).toEqual([1, 1]);
  });
});
