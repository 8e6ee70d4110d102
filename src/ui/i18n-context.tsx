import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { db } from '../db/instance';
import { getSettings } from '../db/repository';
import { type Lang, type Messages, messages, resolveLang } from '../i18n';

interface I18n {
  lang: Lang;
  t: Messages;
}

const browserLocale = () => (typeof navigator === 'undefined' ? undefined : navigator.language);
const fallback: I18n = { lang: resolveLang('auto', browserLocale()), t: messages(resolveLang('auto', browserLocale())) };
const I18nContext = createContext<I18n>(fallback);

/** Follows the browser's language unless the settings say otherwise; switches live. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const setting = useLiveQuery(() => getSettings(db).then((s) => s.language), []);
  const lang = resolveLang(setting ?? 'auto', browserLocale());
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <I18nContext.Provider value={{ lang, t: messages(lang) }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
