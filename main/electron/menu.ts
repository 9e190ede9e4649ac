// The native application menu. Commands that need the renderer's state (the selected latent point,
// the grid's bounds) go to the renderer as 'menu:command' events; it answers through the API.
import type { Menu, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api';

export interface MenuOptions {
  isMac: boolean;
  /** Dev tools and force-reload only in development. */
  isDev: boolean;
  send(command: MenuCommand): void;
  showAbout(): void;
}

/** The menu template (pure, so it can be tested without Electron). */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { isMac, isDev, send } = options;
  const command = (label: string, accelerator: string, cmd: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(cmd),
  });
  const about: MenuItemConstructorOptions = { label: 'About Latent Atlas', click: () => options.showAbout() };
  return [
    ...(isMac
      ? [
          {
            label: 'Latent Atlas',
            submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'quit' }],
          } as MenuItemConstructorOptions,
        ]
      : []),
    {
      label: '&File',
      submenu: [
        command('New Training Run…', 'CmdOrCtrl+N', 'train-new'),
        { type: 'separator' },
        command('Open Model…', 'CmdOrCtrl+O', 'open-model'),
        command('Save Model…', 'CmdOrCtrl+S', 'save-model'),
        { type: 'separator' },
        command('Save Image…', 'CmdOrCtrl+Shift+S', 'save-image'),
        command('Export Grid…', 'CmdOrCtrl+E', 'export-grid'),
        ...(isMac
          ? []
          : ([
              { type: 'separator' },
              { role: 'quit', accelerator: 'CmdOrCtrl+Q' },
            ] as MenuItemConstructorOptions[])),
      ],
    },
    // Edit roles make copy/paste work in text fields (on macOS only through the menu).
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'reload', accelerator: 'CmdOrCtrl+R' },
        ...(isDev
          ? ([{ role: 'forceReload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])
          : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: '&Help', role: 'help', submenu: [about] },
  ];
}

/** Installs the application menu built from `buildMenuTemplate(options)`. */
export function setupMenu(
  menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>,
  options: MenuOptions,
): void {
  menu.setApplicationMenu(menu.buildFromTemplate(buildMenuTemplate(options)));
}
