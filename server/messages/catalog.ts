import { de, type ServerMessages } from './de';
import { en } from './en';
import type { Language } from './language';

/** The texts of mails and calendar files in one language: `const t = messagesFor(language)`. */
export const messagesFor = (language: Language): ServerMessages => (language === 'en' ? en : de);
