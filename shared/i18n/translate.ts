/**
 * Formats catalog messages for a language with FormatJS (ICU plurals, selects, numbers by
 * locale), for code outside React: the main process's menus and dialogs, and the renderer's hooks.
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { CATALOGS, type MessageId } from './catalogs';
import type { Locale } from './locale';

/** Values of a message's placeholders, e.g. { count: 3 }. */
export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

export type Translate = (id: MessageId, values?: MessageValues) => string;

const cache = createIntlCache();
const intls = new Map<Locale, IntlShape<string>>();

/** The FormatJS instance of a language (made once). */
export function intlFor(locale: Locale): IntlShape<string> {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl<string>({ locale, defaultLocale: 'en', messages: CATALOGS[locale] }, cache);
    intls.set(locale, intl);
  }
  return intl;
}

/** A `t(id, values)` for `locale`. */
export function translator(locale: Locale): Translate {
  const intl = intlFor(locale);
  return (id, values) => intl.formatMessage({ id }, values) as string;
}
