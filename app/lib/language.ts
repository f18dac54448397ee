/** The languages of the UI, mails and calendar texts. German is the default for everyone. */
export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'de';

/** The cookie that carries the chosen language for pages rendered before the session is read. */
export const languageCookie = 'sprache';

export function languageFrom(value: string | null | undefined): Language {
  return languages.find((language) => language === value) ?? defaultLanguage;
}
