import { LOCALES, LOCALE_NAMES, type Locale } from '../../shared/i18n/locale';
import { useLocale, useT } from '../i18n/I18nProvider';

/** The header's language switch: English / 简体中文, at once and remembered. */
export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <select
      className="language-switch"
      aria-label={t('app.language')}
      value={locale}
      onChange={(e) => setLocale(e.target.value as Locale)}
    >
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LOCALE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}
