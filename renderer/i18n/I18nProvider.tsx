import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createIntl, createIntlCache, IntlContext, RawIntlProvider } from 'react-intl';
import type { AtlasApi } from '../../shared/api';
import { CATALOGS, type MessageId } from '../../shared/i18n/catalogs';
import { localeFor, type Locale } from '../../shared/i18n/locale';
import { translator, type MessageValues, type Translate } from '../../shared/i18n/translate';
import { setCurrentTranslate } from './current';

interface LocaleState {
  locale: Locale;
  /** Switches the language now (every string on screen) and keeps it for the next launch. */
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'en', setLocale: () => undefined });
const cache = createIntlCache();

/** The system's preferred languages (navigator.languages), most preferred first. */
function systemLocale(): Locale {
  return localeFor(typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));
}

/**
 * The app's language (issue 14): the one kept in the preferences, else the system's. Renders its
 * children once the preferences have answered (no flash of the other language), follows a change
 * made elsewhere (the desktop menu: 'prefs:changed'), and sets <html lang>.
 */
export function I18nProvider({ api, children }: { api: AtlasApi; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale | null>(null);
  useEffect(() => {
    let live = true;
    api.invoke('prefs:get', undefined).then(
      (p) => live && setLocaleState(p.locale ?? systemLocale()),
      () => live && setLocaleState(systemLocale()),
    );
    const off = api.on('prefs:changed', (p) => setLocaleState(p.locale ?? systemLocale()));
    return () => {
      live = false;
      off();
    };
  }, [api]);
  const setLocale = useCallback(
    (next: Locale) => {
      setLocaleState(next);
      api.invoke('prefs:set', { locale: next }).catch(() => undefined);
    },
    [api],
  );
  const shown = locale ?? 'en';
  const intl = useMemo(() => {
    const made = createIntl({ locale: shown, defaultLocale: 'en', messages: CATALOGS[shown] }, cache);
    setCurrentTranslate((id, values) => made.formatMessage({ id }, values));
    return made;
  }, [shown]);
  useEffect(() => {
    document.documentElement.lang = shown;
  }, [shown]);
  const state = useMemo(() => ({ locale: shown, setLocale }), [shown, setLocale]);
  if (!locale) return null;
  return (
    <RawIntlProvider value={intl}>
      <LocaleContext.Provider value={state}>{children}</LocaleContext.Provider>
    </RawIntlProvider>
  );
}

/** The language on screen and its switch. */
export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

/**
 * `t(id, values)`: a catalog message in the language on screen (re-rendered when it changes);
 * English outside an I18nProvider (a component rendered alone in a unit test).
 */
export function useT(): Translate {
  const intl = useContext(IntlContext);
  return useMemo(
    () =>
      intl ? (id: MessageId, values?: MessageValues) => intl.formatMessage({ id }, values) : translator('en'),
    [intl],
  );
}
