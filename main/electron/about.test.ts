import { describe, expect, it, vi } from 'vitest';
import { aboutOptions, showAbout } from './about';

describe('About box', () => {
  it('names the app version and the Electron, Chromium and Node versions', () => {
    const options = aboutOptions('1.2.3', { electron: '45.5.0', chrome: '140.0', node: '22.1.0' } as never);
    expect(options.message).toBe('Latent Atlas 1.2.3');
    expect(options.detail).toContain('Electron 45.5.0 · Chromium 140.0 · Node 22.1.0');
  });

  it('attaches to the open window, or stands alone without one', async () => {
    const dialog = {
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
    };
    const window = { id: 1 } as never;
    await showAbout(dialog as never, window, '1.0.0');
    await showAbout(dialog as never, null, '1.0.0');
    expect(dialog.showMessageBox.mock.calls[0]![0]).toBe(window);
    expect(dialog.showMessageBox.mock.calls[1]![0]).toMatchObject({ message: 'Latent Atlas 1.0.0' });
  });
});
