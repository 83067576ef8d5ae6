import type { Localized } from '@ruta/shared';
import { useTranslation } from 'react-i18next';
import { toLang } from '../../i18n/index';

/** The UI language, for `Localized` texts from shared/ (re-renders when the user switches). */
export function useLang(): keyof Localized {
  const { i18n } = useTranslation();
  return toLang(i18n.resolvedLanguage);
}
