/**
 * The language on screen for code outside components (hooks that word a notice or an error):
 * `t(id, values)` formats in it. Components use `useT()`, which also re-renders them on a switch.
 */
import type { MessageId } from '../../shared/i18n/catalogs';
import { translator, type MessageValues, type Translate } from '../../shared/i18n/translate';

let current: Translate = translator('en');

/** Set by I18nProvider whenever the language changes. */
export function setCurrentTranslate(t: Translate): void {
  current = t;
}

export function t(id: MessageId, values?: MessageValues): string {
  return current(id, values);
}
