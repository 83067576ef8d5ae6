import { useTranslation } from 'react-i18next';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang-switch">
      <span className="sr-only">{t('nav.language')}</span>
      <select
        className="input"
        value={i18n.resolvedLanguage}
        onChange={(e) => void i18n.changeLanguage(e.target.value)}
        aria-label={t('nav.language')}
      >
        <option value="es">Español</option>
        <option value="pt">Português</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}
