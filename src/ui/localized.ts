import { useI18n } from './i18n-context';

/**
 * A view's own strings, French and English side by side, so each options view owns its copy
 * in one file next to it (and the English side is type-checked against the French one).
 */
export type LocalizedStrings<T> = { fr: T; en: NoInfer<T> };

export function defineStrings<T>(strings: LocalizedStrings<T>): LocalizedStrings<T> {
  return strings;
}

export function useStrings<T>(strings: LocalizedStrings<T>): T {
  const { lang } = useI18n();
  return strings[lang];
}
