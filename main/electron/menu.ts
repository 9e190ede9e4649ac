// The native application menu. Commands that need the renderer's state (the selected latent point,
// the grid's bounds) go to the renderer as 'menu:command' events; it answers through the API.
import type { Menu, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../shared/i18n/locale';
import { translator } from '../../shared/i18n/translate';

export interface MenuOptions {
  isMac: boolean;
  /** Dev tools and force-reload only in development. */
  isDev: boolean;
  send(command: MenuCommand): void;
  showAbout(): void;
  /** The language of the menu (the app's), and switching it from the Language menu. */
  locale: Locale;
  setLocale(locale: Locale): void;
}

/** The menu template (pure, so it can be tested without Electron). */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { isMac, isDev, send } = options;
  const t = translator(options.locale);
  const command = (label: string, accelerator: string, cmd: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(cmd),
  });
  const about: MenuItemConstructorOptions = { label: t('menu.about'), click: () => options.showAbout() };
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
      label: t('menu.file'),
      submenu: [
        command(t('menu.trainNew'), 'CmdOrCtrl+N', 'train-new'),
        { type: 'separator' },
        command(t('menu.openModel'), 'CmdOrCtrl+O', 'open-model'),
        command(t('menu.saveModel'), 'CmdOrCtrl+S', 'save-model'),
        { type: 'separator' },
        command(t('menu.saveImage'), 'CmdOrCtrl+Shift+S', 'save-image'),
        command(t('menu.exportGrid'), 'CmdOrCtrl+E', 'export-grid'),
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
      label: t('menu.edit'),
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
      label: t('menu.view'),
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
    {
      label: t('menu.language'),
      submenu: LOCALES.map((l) => ({
        label: LOCALE_NAMES[l],
        type: 'radio' as const,
        checked: l === options.locale,
        click: () => options.setLocale(l),
      })),
    },
    { label: t('menu.help'), role: 'help', submenu: [about] },
  ];
}

/** Installs the application menu built from `buildMenuTemplate(options)`. */
export function setupMenu(
  menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>,
  options: MenuOptions,
): void {
  menu.setApplicationMenu(menu.buildFromTemplate(buildMenuTemplate(options)));
}
