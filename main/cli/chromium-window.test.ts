import { describe, expect, it } from 'vitest';
import { appWindowArgs, browserCandidates } from './chromium-window';

describe('app window', () => {
  it('opens the URL as an --app window with a throwaway profile, sandbox off only as root', () => {
    const args = appWindowArgs('http://127.0.0.1:5/?token=t', '/tmp/profile', false);
    expect(args).toContain('--app=http://127.0.0.1:5/?token=t');
    expect(args).toContain('--user-data-dir=/tmp/profile');
    expect(args).not.toContain('--no-sandbox');
    expect(appWindowArgs('u', '/tmp/p', true)).toContain('--no-sandbox');
  });

  it('looks for Chromium, Chrome or Edge where each platform installs them, CHROME_PATH first', () => {
    expect(browserCandidates('linux', { CHROME_PATH: '/opt/chrome' })[0]).toBe('/opt/chrome');
    expect(browserCandidates('linux', {})).toContain('/usr/bin/chromium');
    expect(browserCandidates('darwin', {})[0]).toContain('Google Chrome.app');
    expect(browserCandidates('win32', { PROGRAMFILES: 'C:\\PF' }).some((p) => p.endsWith('chrome.exe'))).toBe(
      true,
    );
  });
});
