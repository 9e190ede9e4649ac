// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuCommand, ModelState } from '../../shared/api';
import { createFakeApi } from '../lib/fake-api.test-util';
import { inAct, renderHook, settle } from '../lib/render-hook.test-util';
import { modelFixture } from '../state/test-fixtures';
import { useExplorer } from '../state/use-explorer';
import { useNotices } from '../state/use-notices';
import { REPLACE_UNSAVED_QUESTION, useModelFiles } from './use-model-files';
import type { SaveHelpers } from './use-save-actions';

const BUNDLED = modelFixture('bundled-a', [0, 0, 1, 1]);
const GRID = {
  bounds: { min: [0, 0] as [number, number], max: [1, 1] as [number, number] },
  perSide: 4,
  tilePx: 64,
};

/** The app's model files over a fake engine that holds `current`; `confirm` answers window.confirm. */
async function setup(current: ModelState, confirm: boolean) {
  const fake = createFakeApi({
    'model:current': () => current,
    'model:bundled': () => [{ id: BUNDLED.info.id, name: 'A', description: 'first' }],
    'model:use-bundled': () => BUNDLED,
    'model:use-recent': ({ id }: { id: string }) => modelFixture(id, [0, 0], { source: 'trained' }),
  } as Parameters<typeof createFakeApi>[0]);
  const opened = modelFixture('opened', [2, 2], { source: 'loaded' });
  const helpers: SaveHelpers = {
    saveImage: vi.fn(async () => ({ saved: true })),
    exportGrid: vi.fn(async () => ({ saved: true })),
    saveModel: vi.fn(async () => ({ saved: true, path: 'mine.atlas.json' })),
    openModel: vi.fn(async () => opened),
  };
  const commands = { trainNew: vi.fn(), about: vi.fn() };
  const ask = vi.spyOn(window, 'confirm').mockReturnValue(confirm);
  const hook = await renderHook(() => {
    const notices = useNotices();
    const explorer = useExplorer(fake.api);
    const files = useModelFiles(fake.api, helpers, explorer, notices.actions, commands);
    return { explorer, files };
  }, undefined);
  await settle();
  const requests = () =>
    fake.calls.map((c) => c.name).filter((n) => n !== 'model:current' && n !== 'model:bundled');
  return { fake, hook, helpers, commands, ask, opened, requests };
}

const trained = () => modelFixture('run-7', [0, 0, 1, 1], { source: 'trained' });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('useModelFiles: the unsaved-model guard', () => {
  it('asks before Switch model or Open model replaces a model trained here; declining keeps it and asks nothing of the engine', async () => {
    const s = await setup(trained(), false);
    await inAct(() => s.hook.current.files.switchModel(BUNDLED.info.id));
    await inAct(() => s.hook.current.files.actions.openModel(new File(['{}'], 'other.atlas.json')));
    expect(s.ask).toHaveBeenCalledTimes(2);
    expect(s.ask).toHaveBeenCalledWith(REPLACE_UNSAVED_QUESTION);
    expect(s.requests()).toEqual([]);
    expect(s.helpers.openModel).not.toHaveBeenCalled();
    expect(s.hook.current.explorer.state.model?.info.id).toBe('run-7');
    await s.hook.unmount();
  });

  it('replaces the model once the user accepts', async () => {
    const s = await setup(trained(), true);
    await inAct(() => s.hook.current.files.switchModel(BUNDLED.info.id));
    expect(s.requests()).toEqual(['model:use-bundled']);
    expect(s.hook.current.explorer.state.model?.info.id).toBe(BUNDLED.info.id);
    await s.hook.unmount();

    const t = await setup(trained(), true);
    const file = new File(['{}'], 'other.atlas.json');
    await inAct(() => t.hook.current.files.actions.openModel(file));
    expect(t.helpers.openModel).toHaveBeenCalledWith(file);
    expect(t.hook.current.explorer.state.model?.info.id).toBe('opened');
    await t.hook.unmount();
  });

  it('no longer asks once the trained model was saved', async () => {
    const s = await setup(trained(), false);
    await inAct(() => s.hook.current.files.actions.saveModel());
    await inAct(() => s.hook.current.files.switchModel(BUNDLED.info.id));
    expect(s.ask).not.toHaveBeenCalled();
    expect(s.requests()).toEqual(['model:use-bundled']);
    await s.hook.unmount();
  });

  it('never asks for a bundled or opened model', async () => {
    for (const model of [BUNDLED, modelFixture('mine', [0, 0], { source: 'loaded' })]) {
      const s = await setup(model, false);
      await inAct(() => s.hook.current.files.actions.openModel(new File(['{}'], 'other.atlas.json')));
      expect(s.ask).not.toHaveBeenCalled();
      expect(s.helpers.openModel).toHaveBeenCalledTimes(1);
      await s.hook.unmount();
      vi.restoreAllMocks();
    }
  });
});

describe('useModelFiles: the user’s own models and a new run', () => {
  it('switches back to a kept model through model:use-recent, asking first like any switch', async () => {
    const s = await setup(trained(), true);
    await inAct(() => s.hook.current.files.switchModel('run-1'));
    expect(s.ask).toHaveBeenCalledWith(REPLACE_UNSAVED_QUESTION);
    expect(s.fake.calls.find((c) => c.name === 'model:use-recent')?.arg).toEqual({ id: 'run-1' });
    expect(s.hook.current.explorer.state.model?.info).toMatchObject({ id: 'run-1', source: 'trained' });
    await s.hook.unmount();
  });

  it('lets Train ask the same question: declined, nothing is replaced; a bundled model asks nothing', async () => {
    const s = await setup(trained(), false);
    expect(s.hook.current.files.confirmReplace()).toBe(false);
    expect(s.ask).toHaveBeenCalledWith(REPLACE_UNSAVED_QUESTION);
    await s.hook.unmount();
    vi.restoreAllMocks();

    const b = await setup(BUNDLED, false);
    expect(b.hook.current.files.confirmReplace()).toBe(true);
    expect(b.ask).not.toHaveBeenCalled();
    await b.hook.unmount();
  });
});

describe('useModelFiles: the native menu', () => {
  it('carries out each menu command', async () => {
    const s = await setup(BUNDLED, false);
    const menu = (command: MenuCommand) => inAct(() => s.fake.emit('menu:command', { command }));
    await inAct(() => s.hook.current.files.setImagePx(256));
    await menu('save-image');
    expect(s.helpers.saveImage).toHaveBeenCalledWith({ z: s.hook.current.explorer.state.z, sizePx: 256 });
    await inAct(() => s.hook.current.files.setGrid(GRID));
    await menu('export-grid');
    expect(s.helpers.exportGrid).toHaveBeenCalledWith(GRID);
    await menu('save-model');
    expect(s.helpers.saveModel).toHaveBeenCalledTimes(1);
    // The menu is Electron's: Open model… opens the native dialog (no file from the page).
    await menu('open-model');
    expect(s.helpers.openModel).toHaveBeenCalledWith(undefined);
    expect(s.commands.trainNew).not.toHaveBeenCalled();
    await menu('train-new');
    expect(s.commands.trainNew).toHaveBeenCalledTimes(1);
    expect(s.commands.about).not.toHaveBeenCalled();
    await menu('about');
    expect(s.commands.about).toHaveBeenCalledTimes(1);
    await s.hook.unmount();
  });

  it('asks before the menu’s Open model replaces an unsaved trained model', async () => {
    const s = await setup(trained(), false);
    await inAct(() => s.fake.emit('menu:command', { command: 'open-model' }));
    expect(s.ask).toHaveBeenCalledWith(REPLACE_UNSAVED_QUESTION);
    expect(s.helpers.openModel).not.toHaveBeenCalled();
    await s.hook.unmount();
  });
});
