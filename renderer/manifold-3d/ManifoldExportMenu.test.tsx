// @vitest-environment jsdom
// "Export view": disabled with its reason while the view cannot be drawn; else each scale asks the
// scene for a PNG and saves it under its name, a scale over the size limit is offered disabled,
// and a failed export says why.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManifoldExportMenu } from './ManifoldExportMenu';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

const PNG = Uint8Array.from([137, 80, 78, 71]);
const item = (name: string) =>
  [...container.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find(
    (b) => b.textContent === name,
  )!;

describe('ManifoldExportMenu', () => {
  it('is a disabled button saying why while the view cannot be exported', async () => {
    await act(async () =>
      root.render(
        createElement(ManifoldExportMenu, {
          snapshot: null,
          size: { width: 300, height: 300 },
          unavailable: 'WebGL could not start here.',
          onSave: vi.fn(),
        }),
      ),
    );
    const button = container.querySelector('button')!;
    expect(button.textContent).toBe('Export view');
    expect(button.disabled).toBe(true);
    expect(button.title).toBe('WebGL could not start here.');
    expect(container.querySelector('[role="menuitem"]')).toBeNull();
  });

  it('saves the scene’s PNG at the scale picked, offers a too-large scale disabled, and says why one failed', async () => {
    const snapshot = vi.fn((scale: number) =>
      scale === 2 ? Promise.resolve(PNG) : Promise.reject(new Error('no buffer')),
    );
    const onSave = vi.fn(() => Promise.resolve());
    const render = (width: number) =>
      act(async () =>
        root.render(
          createElement(ManifoldExportMenu, {
            snapshot,
            size: { width, height: 300 },
            unavailable: null,
            onSave,
          }),
        ),
      );
    await render(1200);
    expect(item('PNG 2×').title).toBe('2400 × 600 px');
    expect(item('PNG 4×').disabled).toBe(true);
    expect(item('PNG 4×').title).toMatch(/^A 4× PNG would be 4800 × 1200 px/);
    await act(async () => item('PNG 2×').click());
    expect(snapshot).toHaveBeenCalledWith(2);
    expect(onSave).toHaveBeenCalledWith('manifold-3d_2x.png', PNG, 'png');

    await render(300);
    await act(async () => item('PNG 4×').click());
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'Could not export the 3-D view: no buffer',
    );
  });
});
