// @vitest-environment jsdom
// The p_model key keeps its room while the fit is coming, so the map does not shrink when it lands.
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYERS } from './map-content';
import { MapLegend } from './MapLegend';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function legend(props: { hasModel: boolean; hasPModel: boolean; showPModel?: boolean }) {
  const host = document.createElement('div');
  const root = createRoot(host);
  await act(async () =>
    root.render(
      createElement(MapLegend, {
        colorBy: 'height',
        onColorBy: () => undefined,
        layers: { ...DEFAULT_LAYERS, showPModel: props.showPModel ?? true },
        hasModel: props.hasModel,
        hasPModel: props.hasPModel,
      }),
    ),
  );
  return host;
}

describe('MapLegend', () => {
  it('keeps the p_model key’s room, hidden, while a loaded model’s p_model is being fitted', async () => {
    const fitting = await legend({ hasModel: true, hasPModel: false });
    const kept = fitting.querySelector('.legend-pending');
    expect(kept).not.toBeNull();
    expect(kept?.getAttribute('aria-hidden')).toBe('true');
    expect(fitting.querySelector('[data-testid=pmodel-legend]')).toBeNull();

    const fitted = await legend({ hasModel: true, hasPModel: true });
    expect(fitted.querySelector('[data-testid=pmodel-legend]')).not.toBeNull();
    expect(fitted.querySelector('.legend-pending')).toBeNull();

    // Layer off, or no model at all: no key and no room.
    expect(
      (await legend({ hasModel: true, hasPModel: true, showPModel: false })).querySelector('.legend-group'),
    ).toBeNull();
    expect((await legend({ hasModel: false, hasPModel: false })).querySelector('.legend-group')).toBeNull();
  });
});
