// The native About box (Help → About Latent Atlas; the app menu on macOS).
import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron';

/** What the About box says: the app's version and the versions it runs on. */
export function aboutOptions(appVersion: string, versions: NodeJS.ProcessVersions): MessageBoxOptions {
  return {
    type: 'info',
    title: 'About Latent Atlas',
    message: `Latent Atlas ${appVersion}`,
    detail: [
      'Watch an autoencoder discover that cylinder pictures are described by two numbers — height and radius — then explore its 2-D latent space.',
      '',
      `Electron ${versions.electron} · Chromium ${versions.chrome} · Node ${versions.node}`,
    ].join('\n'),
  };
}

/** Shows the About box, attached to `window` when one is open. */
export async function showAbout(
  dialog: Pick<Dialog, 'showMessageBox'>,
  window: BrowserWindow | null,
  appVersion: string,
): Promise<void> {
  const options = aboutOptions(appVersion, process.versions);
  if (window) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}
