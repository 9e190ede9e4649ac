// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LAYERS } from './map-content';
import { MapLayersBar } from './MapLayersBar';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function bar(isVae: boolean) {
  const host = document.createElement('div');
  const onLayers = vi.fn();
  await act(async () =>
    createRoot(host).render(createElement(MapLayersBar, { layers: DEFAULT_LAYERS, onLayers, isVae })),
  );
  const box = [...host.querySelectorAll('label')].find((l) => l.textContent === 'Aggregate q(z)');
  return { input: box?.querySelector('input') ?? null, onLayers };
}

describe('the map layers bar’s aggregate q(z) toggle', () => {
  it('shows for a VAE, off at first, and turns the layer on', async () => {
    const { input, onLayers } = await bar(true);
    expect(input?.checked).toBe(false);
    await act(async () => input?.click());
    expect(onLayers).toHaveBeenCalledWith({ ...DEFAULT_LAYERS, showAggregate: true });
  });

  it('is absent for an autoencoder', async () => {
    expect((await bar(false)).input).toBeNull();
  });
});
