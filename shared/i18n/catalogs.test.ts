import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { CATALOG_FILES, CATALOGS } from './catalogs';
import { foreignWords } from './latin-names';
import { localeFor } from './locale';
import { translator } from './translate';

/** The placeholders of an ICU message (argument names, with plural/select ones), sorted. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type !== TYPE.literal && e.type !== TYPE.pound && 'value' in e) names.add(String(e.value));
      if ('options' in e) for (const o of Object.values(e.options)) walk(o.value);
      if ('children' in e) walk(e.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

/** The literal text of an ICU message, in every branch of its plurals and selects. */
function literals(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((e) =>
    e.type === TYPE.literal
      ? [e.value]
      : 'options' in e
        ? Object.values(e.options).flatMap((o) => literals(o.value))
        : 'children' in e
          ? literals(e.children)
          : [],
  );
}

describe('the message catalogs', () => {
  it('hold the same keys in English and Chinese, area by area', () => {
    for (const [area, en, zh] of CATALOG_FILES) {
      expect(Object.keys(zh).sort(), area).toEqual(Object.keys(en).sort());
    }
  });

  it('parse as ICU messages with the same placeholders in both languages', () => {
    for (const [id, message] of Object.entries(CATALOGS.en)) {
      const zh = CATALOGS['zh-CN'][id as keyof typeof CATALOGS.en];
      expect(placeholders(zh), id).toEqual(placeholders(message));
    }
  });

  it('leave no English in the Chinese catalog but names and units', () => {
    for (const [id, message] of Object.entries(CATALOGS['zh-CN'])) {
      expect(foreignWords(literals(parse(message)).join(' ')), id).toEqual([]);
    }
  });

  it('format plurals and numbers by language', () => {
    expect(
      translator('en')('about.details', {
        version: '1.0',
        mode: 'electron',
        backend: 'wasm',
        platform: 'linux',
      }),
    ).toBe('Version 1.0 · desktop app · tfjs backend wasm · linux');
    expect(translator('zh-CN')('app.tab.learn')).toBe('学习');
  });

  it('follows the system language at first start', () => {
    expect(localeFor(['zh-Hans-CN', 'en-US'])).toBe('zh-CN');
    expect(localeFor(['zh_TW'])).toBe('zh-CN');
    expect(localeFor(['fr-FR', 'en-GB'])).toBe('en');
    expect(localeFor(['de'])).toBe('en');
    expect(localeFor([])).toBe('en');
  });
});
