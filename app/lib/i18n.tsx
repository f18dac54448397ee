'use client';
import { createContext, type ReactNode, use, useContext, useMemo } from 'react';
import { de, type Messages } from '../messages/de';
import { defaultLanguage, type Language } from './language';

type Page = { language: Language; messages: Messages };
const LanguageContext = createContext<Page>({ language: defaultLanguage, messages: de });

// German comes with every page (the default, and the fallback text of errors); the English texts
// load only for the people who chose English, so nobody else downloads them.
let englishLoading: Promise<Messages> | undefined;
const english = () => {
  englishLoading ??= import('../messages/en').then((catalog) => catalog.en);
  return englishLoading;
};

/** The page's language, chosen on the server (app/lib/i18n-server.ts) and handed to every client component. */
export function LanguageProvider({ language, children }: { language: Language; children: ReactNode }) {
  const messages = language === 'en' ? use(english()) : de;
  const page = useMemo(() => ({ language, messages }), [language, messages]);
  return <LanguageContext value={page}>{children}</LanguageContext>;
}

export const useLanguage = (): Language => useContext(LanguageContext).language;

/** Every text of the UI in the page's language: `const t = useMessages(); t.search.title`. */
export const useMessages = (): Messages => useContext(LanguageContext).messages;
