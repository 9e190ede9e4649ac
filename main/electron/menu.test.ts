import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, setupMenu } from './menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('buildMenuTemplate', () => {
  it('has the File commands with accelerators, sending menu commands to the renderer', () => {
    const send = vi.fn();
    const all = items(
      buildMenuTemplate({
        isMac: false,
        isDev: false,
        send,
        showAbout: vi.fn(),
        locale: 'en',
        setLocale: vi.fn(),
      }),
    );
    const byLabel = (label: string) => all.find((i) => i.label === label)!;
    expect(byLabel('Open Model…').accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel('Save Model…').accelerator).toBe('CmdOrCtrl+S');
    expect(byLabel('Save Image…').accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(byLabel('Export Grid…').accelerator).toBe('CmdOrCtrl+E');
    (byLabel('Save Image…').click as () => void)();
    expect(send).toHaveBeenCalledWith('save-image');
    expect(all.some((i) => i.role === 'quit')).toBe(true);
    expect(all.some((i) => i.role === 'reload')).toBe(true);
    expect(all.some((i) => i.role === 'zoomIn')).toBe(true);
  });

  it('offers dev tools only in development, and About in Help', () => {
    const about = vi.fn();
    const prod = items(
      buildMenuTemplate({
        isMac: false,
        isDev: false,
        send: vi.fn(),
        showAbout: about,
        locale: 'en',
        setLocale: vi.fn(),
      }),
    );
    const dev = items(
      buildMenuTemplate({
        isMac: false,
        isDev: true,
        send: vi.fn(),
        showAbout: about,
        locale: 'en',
        setLocale: vi.fn(),
      }),
    );
    expect(prod.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(dev.some((i) => i.role === 'toggleDevTools')).toBe(true);
    (prod.find((i) => i.label === 'About Latent Atlas')!.click as () => void)();
    expect(about).toHaveBeenCalled();
  });
});

describe('the menu in Chinese', () => {
  it('words every command from the catalog, and its Language menu switches the app', () => {
    const setLocale = vi.fn();
    const all = items(
      buildMenuTemplate({
        isMac: false,
        isDev: false,
        send: vi.fn(),
        showAbout: vi.fn(),
        locale: 'zh-CN',
        setLocale,
      }),
    );
    const saveModel = all.find((i) => i.accelerator === 'CmdOrCtrl+S')!;
    expect(saveModel.label).toBe('保存模型…');
    const english = all.find((i) => i.label === 'English')!;
    expect(english.checked).toBe(false);
    expect(all.find((i) => i.label === '简体中文')!.checked).toBe(true);
    (english.click as () => void)();
    expect(setLocale).toHaveBeenCalledWith('en');
  });
});

describe('setupMenu', () => {
  it('installs the built template as the application menu', () => {
    const built = { id: 'menu' };
    const menu = {
      buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => ({ ...built, template })),
      setApplicationMenu: vi.fn(),
    };
    const send = vi.fn();
    setupMenu(menu as never, {
      isMac: false,
      isDev: false,
      send,
      showAbout: vi.fn(),
      locale: 'en',
      setLocale: vi.fn(),
    });
    expect(menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const installed = menu.setApplicationMenu.mock.calls[0]![0] as { template: MenuItemConstructorOptions[] };
    const openModel = items(installed.template).find((i) => i.label === 'Open Model…')!;
    (openModel.click as () => void)();
    expect(send).toHaveBeenCalledWith('open-model');
  });
});
