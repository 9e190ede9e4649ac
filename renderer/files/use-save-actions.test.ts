// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { inAct, renderHook } from '../lib/render-hook.test-util';
import { modelFixture } from '../state/test-fixtures';
import { useNotices } from '../state/use-notices';
import { useSaveActions, type SaveHelpers } from './use-save-actions';

function setup(helpers: Partial<SaveHelpers>, trueFactors: { height: number; radius: number } | null = null) {
  const full: SaveHelpers = {
    saveImage: vi.fn(async () => ({ saved: true, path: 'atlas.png' })),
    exportGrid: vi.fn(async () => ({ saved: true })),
    saveModel: vi.fn(async () => ({ saved: false })),
    openModel: vi.fn(async () => null),
    ...helpers,
  };
  const opened: unknown[] = [];
  const saved: number[] = [];
  const grid = {
    bounds: { min: [0, 0] as [number, number], max: [1, 1] as [number, number] },
    perSide: 8,
    tilePx: 64,
  };
  return {
    full,
    opened,
    saved,
    render: () =>
      renderHook(() => {
        const notices = useNotices();
        const actions = useSaveActions(
          full,
          { z: [0.25, -1], trueFactors, grid },
          notices.actions,
          (m) => opened.push(m),
          () => saved.push(1),
        );
        return { notices, actions };
      }, undefined),
  };
}

describe('useSaveActions', () => {
  it('saves the image at z with the true factors and says where it went', async () => {
    const s = setup({}, { height: 0.7, radius: 0.2 });
    const hook = await s.render();
    await inAct(() => hook.current.actions.saveImage(256));
    expect(s.full.saveImage).toHaveBeenCalledWith({
      z: [0.25, -1],
      sizePx: 256,
      factors: { height: 0.7, radius: 0.2 },
    });
    expect(hook.current.notices.list.map((n) => [n.kind, n.text])).toEqual([
      ['success', 'Save image: saved as atlas.png.'],
    ]);
    await hook.unmount();
  });

  it('reports a cancelled dialog as such and a failure with its reason', async () => {
    const s = setup({ exportGrid: vi.fn(async () => Promise.reject(new Error('Disk is full.'))) });
    const hook = await s.render();
    await inAct(() => hook.current.actions.saveModel());
    await inAct(() => hook.current.actions.exportGrid());
    expect(hook.current.notices.list.map((n) => [n.kind, n.text])).toEqual([
      ['info', 'Save model: cancelled, nothing was written.'],
      ['error', 'Export grid failed: Disk is full.'],
    ]);
    expect(hook.current.actions.busy).toBeNull();
    await hook.unmount();
  });

  it('shows an opened model, and keeps the current one when the file is bad', async () => {
    const bad = setup({
      openModel: vi.fn(async () => Promise.reject(new Error('Not a Latent Atlas model file.'))),
    });
    const hook = await bad.render();
    await inAct(() => hook.current.actions.openModel(new File(['{'], 'broken.atlas.json')));
    expect(bad.opened).toEqual([]);
    expect(hook.current.notices.list[0]).toMatchObject({
      kind: 'error',
      text: 'Open model failed: Not a Latent Atlas model file.',
    });
    await hook.unmount();

    const model = modelFixture('Mine', []);
    const good = setup({ openModel: vi.fn(async () => model) });
    const hook2 = await good.render();
    await inAct(() => hook2.current.actions.openModel(new File(['{}'], 'mine.atlas.json')));
    expect(good.opened).toEqual([model]);
    expect(hook2.current.notices.list[0]).toMatchObject({ kind: 'success', text: 'Opened “Mine”.' });
    await hook2.unmount();
  });

  it('reports a saved model (so the renderer knows it is safe to replace), not a cancelled save', async () => {
    const cancelled = setup({});
    const h1 = await cancelled.render();
    await inAct(() => h1.current.actions.saveModel());
    expect(cancelled.saved).toEqual([]);
    await h1.unmount();

    const s = setup({ saveModel: vi.fn(async () => ({ saved: true, path: 'mine.atlas.json' })) });
    const hook = await s.render();
    await inAct(() => hook.current.actions.saveModel());
    expect(s.saved).toEqual([1]);
    await hook.unmount();
  });
});
