// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { LossBreakdown } from '../../shared/api';
import { LossTerms } from './LossTerms';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function render(terms: LossBreakdown | undefined): Promise<HTMLElement> {
  const host = document.createElement('div');
  await act(async () => createRoot(host).render(createElement(LossTerms, { terms, pixels: 1024 })));
  return host;
}

describe('LossTerms', () => {
  it("shows a VAE's reconstruction and KL per image and per dimension, and warns of a collapsed dimension", async () => {
    const host = await render({
      lossRecon: 0.0123,
      lossKl: 3.1 / 1024,
      lossAlign: 0,
      klPerDim: [3.095, 0.005],
    });
    expect(host.textContent).toContain('reconstruction 0.0123');
    expect(host.textContent).toContain('KL 3.10 nats/image (z₁ 3.10, z₂ 0.00500)');
    const warning = host.querySelector('[data-testid=collapse-warning]');
    expect(warning?.textContent).toMatch(/^z₂ carries no information: KL below 0.01 nats/);
  });

  it('no warning while every dimension carries information; nothing at all for a plain autoencoder', async () => {
    const vae = await render({ lossRecon: 0.01, lossKl: 4 / 1024, lossAlign: 0, klPerDim: [2, 2] });
    expect(vae.querySelector('[data-testid=collapse-warning]')).toBeNull();
    const ae = await render({ lossRecon: 0.01, lossKl: 0, lossAlign: 0, klPerDim: [0, 0] });
    expect(ae.querySelector('[data-testid=loss-terms]')).toBeNull();
    const aligned = await render({ lossRecon: 0.01, lossKl: 0, lossAlign: 0.2, klPerDim: [0, 0] });
    expect(aligned.textContent).toBe('reconstruction 0.0100 · alignment 0.200');
    expect((await render(undefined)).textContent).toBe('');
  });
});
