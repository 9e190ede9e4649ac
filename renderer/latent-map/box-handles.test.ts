import { describe, expect, it } from 'vitest';
import { dragBox, handleCursor, handlePoint, hitBoxHandle, type LatentBox } from './box-handles';
import type { Viewport } from './viewport';

/** 100 px per latent unit, latent (0, 0) at the canvas centre (200, 150). */
const vp: Viewport = { centerZ1: 0, centerZ2: 0, scale: 100, width: 400, height: 300 };
/** On screen: left x = 100, right x = 300, top y = 50, bottom y = 200. */
const box: LatentBox = { min: [-1, -0.5], max: [1, 1] };

describe('handlePoint', () => {
  it('puts corners at the corners and edge handles at the middle of their edge, north up', () => {
    expect(handlePoint(vp, box, 'nw')).toEqual({ x: 100, y: 50 });
    expect(handlePoint(vp, box, 'se')).toEqual({ x: 300, y: 200 });
    expect(handlePoint(vp, box, 'n')).toEqual({ x: 200, y: 50 });
    expect(handlePoint(vp, box, 'w')).toEqual({ x: 100, y: 125 });
  });
});

describe('hitBoxHandle', () => {
  it('finds each corner within reach of it', () => {
    expect(hitBoxHandle(vp, box, { x: 103, y: 52 })).toBe('nw');
    expect(hitBoxHandle(vp, box, { x: 297, y: 48 })).toBe('ne');
    expect(hitBoxHandle(vp, box, { x: 302, y: 204 })).toBe('se');
    expect(hitBoxHandle(vp, box, { x: 99, y: 199 })).toBe('sw');
  });

  it('grabs an edge anywhere along its length', () => {
    expect(hitBoxHandle(vp, box, { x: 140, y: 53 })).toBe('n');
    expect(hitBoxHandle(vp, box, { x: 260, y: 197 })).toBe('s');
    expect(hitBoxHandle(vp, box, { x: 104, y: 80 })).toBe('w');
    expect(hitBoxHandle(vp, box, { x: 295, y: 170 })).toBe('e');
  });

  it('prefers the corner where a corner and an edge are both in reach', () => {
    expect(hitBoxHandle(vp, box, { x: 106, y: 50 })).toBe('nw');
  });

  it('misses inside the box, outside it, and on an edge line beyond the box', () => {
    expect(hitBoxHandle(vp, box, { x: 200, y: 125 })).toBeNull();
    expect(hitBoxHandle(vp, box, { x: 320, y: 125 })).toBeNull();
    expect(hitBoxHandle(vp, box, { x: 360, y: 50 })).toBeNull();
  });

  it('reaches exactly as far as asked', () => {
    expect(hitBoxHandle(vp, box, { x: 200, y: 58 }, 8)).toBe('n');
    expect(hitBoxHandle(vp, box, { x: 200, y: 58 }, 7)).toBeNull();
  });
});

describe('dragBox', () => {
  it('moves both sides a corner holds and leaves the others', () => {
    expect(dragBox(box, 'ne', 0.5, 0.25, 0.01)).toEqual({ min: [-1, -0.5], max: [1.5, 1.25] });
    expect(dragBox(box, 'sw', -0.5, -0.25, 0.01)).toEqual({ min: [-1.5, -0.75], max: [1, 1] });
  });

  it('moves one side for an edge, ignoring the other axis', () => {
    expect(dragBox(box, 'n', 3, 0.5, 0.01)).toEqual({ min: [-1, -0.5], max: [1, 1.5] });
    expect(dragBox(box, 'w', 0.5, -9, 0.01)).toEqual({ min: [-0.5, -0.5], max: [1, 1] });
  });

  it('stops a side minSpan short of the opposite one, so min < max always holds', () => {
    expect(dragBox(box, 'w', 5, 0, 0.1)).toEqual({ min: [0.9, -0.5], max: [1, 1] });
    const crushed = dragBox(box, 'ne', -10, -10, 0.1);
    expect(crushed.max[0]).toBeCloseTo(-0.9);
    expect(crushed.max[1]).toBeCloseTo(-0.4);
    expect(crushed.min).toEqual([-1, -0.5]);
  });

  it('leaves the start box untouched', () => {
    dragBox(box, 'se', 1, 1, 0.01);
    expect(box).toEqual({ min: [-1, -0.5], max: [1, 1] });
  });
});

describe('handleCursor', () => {
  it('shows the resize direction of each handle', () => {
    expect(handleCursor('nw')).toBe('nwse-resize');
    expect(handleCursor('sw')).toBe('nesw-resize');
    expect(handleCursor('s')).toBe('ns-resize');
    expect(handleCursor('e')).toBe('ew-resize');
  });
});
