'use client';
import { createContext, type ReactNode, useContext } from 'react';
import { messagesFor } from '../messages/catalogs';
import type { Messages } from '../messages/de';
import { defaultLanguage, type Language } from './language';

const LanguageContext = createContext<Language>(defaultLanguage);

/** The page's language, chosen on the server (app/lib/i18n-server.ts) and handed to every client component. */
export function LanguageProvider({ language, children }: { language: Language; children: ReactNode }) {
  return <LanguageContext value={language}>{children}</LanguageContext>;
}

export const useLanguage = (): Language => useContext(LanguageContext);

/** Every text of the UI in the page's language: `const t = useMessages(); t.search.title`. */
export const useMessages = (): Messages => messagesFor(useLanguage());
