/** The languages of the UI, mails and calendar texts. German is the default for everyone. */
export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'de';

/** The cookie that carries the chosen language for pages rendered before the session is read. */
export const languageCookie = 'sprache';

export function languageFrom(value: string | null | undefined): Language {
  return languages.find((language) => language === value) ?? defaultLanguage;
}

/** Remembers the language in this browser, for pages rendered before the session is read. */
export function rememberLanguage(language: Language) {
  // biome-ignore lint/suspicious/noDocumentCookie: one plain preference cookie; the Cookie Store API is missing in Firefox and Safari
  document.cookie = `${languageCookie}=${language}; path=/; max-age=31536000; samesite=lax`;
}

/** The locale of dates and numbers in a language: German dates for German, British for English. */
export const localeOf = (language: Language) => (language === 'en' ? 'en-GB' : 'de-DE');
