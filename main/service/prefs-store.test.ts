import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PREFS, openPrefsStore } from './prefs-store';

const fresh = () => mkdtempSync(join(tmpdir(), 'atlas-prefs-'));

describe('the preferences store', () => {
  it('keeps the language and lesson progress in prefs.json, creating its folder, for the next launch', async () => {
    const file = join(fresh(), 'nested', 'prefs.json');
    const store = await openPrefsStore(file);
    expect(store.get()).toEqual(DEFAULT_PREFS);
    await store.set({ locale: 'zh-CN' });
    await store.set({ lessons: { 'two-numbers': [0, 1] } });
    const again = await openPrefsStore(file);
    expect(again.get()).toEqual({ locale: 'zh-CN', lessons: { 'two-numbers': [0, 1] } });
    expect(JSON.parse(readFileSync(file, 'utf8')).locale).toBe('zh-CN');
  });

  it('starts from the defaults, with a warning, when the file is broken or not ours', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const text of ['{not json', '{"locale":"fr"}', '[]', JSON.stringify({ lessons: { x: [99] } })]) {
      const file = join(fresh(), 'prefs.json');
      writeFileSync(file, text);
      expect((await openPrefsStore(file)).get()).toEqual(DEFAULT_PREFS);
    }
    expect(warn).toHaveBeenCalledTimes(4);
    warn.mockRestore();
  });

  it('says so when the folder cannot be written, and keeps the change for this launch', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), '');
    const store = await openPrefsStore(join(dir, 'file', 'prefs.json')); // a file where a folder must be
    await expect(store.set({ locale: 'en' })).rejects.toThrow(/Could not keep your preferences/);
    expect(store.get().locale).toBe('en');
    await expect(store.set({ locale: 'zh-CN' })).rejects.toThrow(/Could not keep/);
  });
});
