/**
 * The app's two languages (issue 14): English and Simplified Chinese. The language follows the
 * system at first start (`localeFor`), can be switched at runtime, and is remembered (prefs).
 */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in itself, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

/**
 * The language for a system's preferred languages (BCP 47 tags, most preferred first): the first
 * Chinese or English one decides, e.g. ['zh-Hans-CN', 'en'] → 'zh-CN'; none of them → 'en'.
 */
export function localeFor(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const lang = tag.toLowerCase().split(/[-_]/)[0];
    if (lang === 'zh') return 'zh-CN';
    if (lang === 'en') return 'en';
  }
  return 'en';
}
