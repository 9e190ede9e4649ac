// @vitest-environment jsdom
// The map's Shift gestures: a Shift-click (released within CLICK_SLOP_PX) reports its latent point
// and pans nothing; a Shift-drag pans by the whole way the pointer went and reports no click.
import { act, createElement, useRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { CLICK_SLOP_PX, useMapPointer, type MapPointerOptions } from './use-map-pointer';
import type { Viewport } from './viewport';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** 100 px per latent unit, z = (0, 0) at the centre of a 400 × 300 canvas at the page's corner. */
const vp: Viewport = { centerZ1: 0, centerZ2: 0, scale: 100, width: 400, height: 300 };

function Probe(props: Omit<MapPointerOptions, 'canvas'>) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const handlers = useMapPointer({ ...props, canvas });
  return createElement('canvas', { ref: canvas, 'data-testid': 'map', ...handlers });
}

let root: Root;
let container: HTMLElement;
let calls: {
  onZ: Mock<MapPointerOptions['onZ']>;
  setViewport: Mock<MapPointerOptions['setViewport']>;
  onShiftClick: Mock<(z: [number, number]) => void>;
};

beforeEach(async () => {
  HTMLElement.prototype.setPointerCapture = () => {};
  HTMLElement.prototype.hasPointerCapture = () => false;
  HTMLElement.prototype.releasePointerCapture = () => {};
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  calls = {
    onZ: vi.fn<MapPointerOptions['onZ']>(),
    setViewport: vi.fn<MapPointerOptions['setViewport']>(),
    onShiftClick: vi.fn<(z: [number, number]) => void>(),
  };
  await act(async () =>
    root.render(
      createElement(Probe, {
        vp,
        setViewport: calls.setViewport,
        fit: () => {},
        z: [0, 0],
        zStep: 0.01,
        onZ: calls.onZ,
        onHover: () => {},
        onShiftClick: calls.onShiftClick,
      }),
    ),
  );
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

function press(path: [number, number][], shiftKey = true) {
  const el = container.querySelector('canvas')!;
  const event = (type: string, [x, y]: [number, number]) =>
    el.dispatchEvent(
      new PointerEvent(type, { bubbles: true, clientX: x, clientY: y, button: 0, pointerId: 1, shiftKey }),
    );
  event('pointerdown', path[0]!);
  for (const at of path.slice(1)) event('pointermove', at);
  event('pointerup', path[path.length - 1]!);
}

describe('useMapPointer with Shift', () => {
  it('a Shift-click reports where it was pressed in latent space, and neither pans nor moves z', async () => {
    await act(async () =>
      press([
        [250, 100],
        [251, 102],
        [252, 101],
      ]),
    );
    expect(calls.onShiftClick).toHaveBeenCalledTimes(1);
    const [z] = calls.onShiftClick.mock.calls[0]!;
    expect(z[0]).toBeCloseTo(0.5, 6);
    expect(z[1]).toBeCloseTo(0.5, 6);
    expect(calls.setViewport).not.toHaveBeenCalled();
    expect(calls.onZ).not.toHaveBeenCalled();
  });

  it('a Shift-drag past the slop pans the whole way and is no click', async () => {
    await act(async () =>
      press([
        [200, 150],
        [202, 150],
        [200 + CLICK_SLOP_PX + 6, 150],
      ]),
    );
    expect(calls.onShiftClick).not.toHaveBeenCalled();
    expect(calls.setViewport).toHaveBeenCalledTimes(1);
    const panned = calls.setViewport.mock.calls[0]![0];
    // Dragged right by SLOP + 6 px: the view's centre moves left by as much, in latent units.
    expect(panned.centerZ1).toBeCloseTo(-(CLICK_SLOP_PX + 6) / 100, 6);
  });

  it('a Shift press that strays and comes back is a drag, not a click', async () => {
    await act(async () =>
      press([
        [200, 150],
        [230, 150],
        [200, 150],
      ]),
    );
    expect(calls.onShiftClick).not.toHaveBeenCalled();
  });

  it('a plain click moves z, as before', async () => {
    await act(async () => press([[300, 150]], false));
    expect(calls.onShiftClick).not.toHaveBeenCalled();
    expect(calls.onZ).toHaveBeenCalledWith([1, 0], 'map');
  });
});
