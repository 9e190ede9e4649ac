// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BundledModel, ModelInfo, RecentModel } from '../../shared/api';
import { modelInfoFixture } from '../state/test-fixtures';
import { ModelSwitch } from './ModelSwitch';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const BUNDLED: BundledModel[] = [
  { id: 'discovered', name: 'Discovered alone', description: 'λ = 0' },
  { id: 'aligned', name: 'Aligned', description: 'λ = 1' },
];
const kept = (id: string, patch: Partial<RecentModel> = {}): RecentModel => ({
  id,
  name: 'Trained AE (λ = 0)',
  source: 'trained',
  createdAt: '2026-11-29T10:42:00Z',
  epochsTrained: 30,
  ...patch,
});

let root: Root;
let container: HTMLDivElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

async function render(current: ModelInfo, recent: RecentModel[], onSwitch: (id: string) => Promise<void>) {
  await act(async () =>
    root.render(createElement(ModelSwitch, { bundled: BUNDLED, recent, current, locked: false, onSwitch })),
  );
}

const radio = (value: string) => container.querySelector<HTMLInputElement>(`input[value="${value}"]`)!;
const group = () => container.querySelector('[role="radiogroup"]')!;

describe('ModelSwitch', () => {
  it('keeps keyboard focus on the chosen radio while its model loads, and ignores other choices meanwhile', async () => {
    let finish = () => undefined as void;
    const onSwitch = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    await render(modelInfoFixture('discovered'), [], onSwitch);
    radio('aligned').focus();
    await act(async () => radio('aligned').click()); // what an arrow key does: check and change
    expect(onSwitch).toHaveBeenCalledWith('aligned');
    expect(group().getAttribute('aria-busy')).toBe('true');
    expect(radio('aligned').disabled).toBe(false);
    expect(radio('discovered').disabled).toBe(false);
    expect(document.activeElement).toBe(radio('aligned'));
    expect(radio('aligned').checked).toBe(true);

    await act(async () => radio('discovered').click()); // a second choice while loading
    expect(onSwitch).toHaveBeenCalledTimes(1);
    expect(radio('aligned').checked).toBe(true);

    await act(async () => finish());
    expect(group().getAttribute('aria-busy')).toBe('false');
  });

  it('lists the user’s own models of this session under the bundled ones, told apart, and switches back to one', async () => {
    const onSwitch = vi.fn(async () => undefined);
    const current = modelInfoFixture('run-2', {
      name: 'Trained AE (λ = 0)',
      source: 'trained',
      epochsTrained: 5,
    });
    // The service's list: the current one, a kept trained one, an opened file, and a copy of a
    // bundled model (offered by its bundled radio, not twice).
    const recent = [
      kept('run-2'),
      kept('run-1', { epochsTrained: 1 }),
      kept('file-1', { name: 'Mine', source: 'loaded' }),
    ];
    await render(current, [...recent, kept('aligned', { source: 'loaded' })], onSwitch);
    const values = [...container.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map(
      (r) => r.value,
    );
    expect(values).toEqual(['discovered', 'aligned', 'run-2', 'run-1', 'file-1']);
    expect(container.textContent).toContain('Your models (this session)');
    expect(radio('run-2').checked).toBe(true);
    expect(radio('run-1').closest('label')!.textContent).toMatch(
      /^Trained AE \(λ = 0\) · 1 epoch, \d{1,2}:\d\d/,
    );
    expect(radio('file-1').closest('label')!.textContent).toBe('Mine · opened');

    await act(async () => radio('run-1').click());
    expect(onSwitch).toHaveBeenCalledWith('run-1');
  });

  it('shows no own-models section while only bundled models were used', async () => {
    await render(
      modelInfoFixture('aligned'),
      [],
      vi.fn(async () => undefined),
    );
    expect(container.textContent).not.toContain('Your models');
    expect(container.querySelectorAll('input[type="radio"]')).toHaveLength(2);
  });
});
