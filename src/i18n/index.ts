import { en } from './en';
import { fr, type Messages } from './fr';

export type Lang = 'fr' | 'en';
export type LanguageSetting = Lang | 'auto';
export type { Messages };

const DICTIONARIES: Record<Lang, Messages> = { fr, en };

/** French for any French locale (fr, fr-FR, fr-CA…), English otherwise. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function resolveLang(setting: LanguageSetting | undefined, browserLocale: string | undefined): Lang {
  return setting === 'fr' || setting === 'en' ? setting : langFromLocale(browserLocale);
}

export function messages(lang: Lang): Messages {
  return DICTIONARIES[lang];
}
