'use client';
import { createContext, type ReactNode, use, useContext, useMemo } from 'react';
import type { Messages } from '../messages/de';
import { deStaff, type StaffMessages } from '../messages/de-staff';
import { defaultLanguage, type Language } from './language';

type Page = { language: Language; messages: Messages };
// Below the fleet layout the catalogue is whole (app/lib/i18n-manage.tsx adds the other parts);
// elsewhere it holds the parts its page brings (app/lib/texts-*.tsx), and no component reads a part
// its page lacks (app/messages/split.test.ts keeps it so). One type for both keeps every caller's `t.x.y` as it was.
const whole = (messages: StaffMessages) => messages as unknown as Messages;
const LanguageContext = createContext<Page>({ language: defaultLanguage, messages: whole(deStaff) });

// German comes with every page (the default, and the fallback text of errors); the English texts
// load only for the people who chose English, so nobody else downloads them.
const staffTexts = pageTexts(deStaff, () =>
  import('../messages/en-staff').then((catalog) => catalog.enStaff),
);

/** The page's language, chosen on the server (app/lib/i18n-server.ts) and handed to every client component. */
export function LanguageProvider({ language, children }: { language: Language; children: ReactNode }) {
  const texts = staffTexts(language);
  const messages = texts instanceof Promise ? use(texts) : texts;
  const page = useMemo(() => ({ language, messages: whole(messages) }), [language, messages]);
  return <LanguageContext value={page}>{children}</LanguageContext>;
}

/** More texts for the components below, in the page's language (some pages' own: i18n-manage.tsx, texts-*.tsx). */
export function MoreMessages({
  more,
  children,
}: {
  more: (language: Language) => object | Promise<object>;
  children: ReactNode;
}) {
  const outer = useContext(LanguageContext);
  const loaded = more(outer.language);
  const extra = loaded instanceof Promise ? use(loaded) : loaded;
  const page = useMemo(
    () => ({ language: outer.language, messages: { ...outer.messages, ...extra } as Messages }),
    [outer, extra],
  );
  return <LanguageContext value={page}>{children}</LanguageContext>;
}

/**
 * Some pages' own texts for MoreMessages: the German ones come with the pages' code, the English
 * ones load once, for those who chose English.
 */
export function pageTexts<Texts extends object>(german: Texts, loadEnglish: () => Promise<Texts>) {
  let englishLoading: Promise<Texts> | undefined;
  return (language: Language): Texts | Promise<Texts> => {
    if (language !== 'en') return german;
    englishLoading ??= loadEnglish();
    return englishLoading;
  };
}

export const useLanguage = (): Language => useContext(LanguageContext).language;

/** Every text of the UI in the page's language: `const t = useMessages(); t.search.title`. */
export const useMessages = (): Messages => useContext(LanguageContext).messages;
