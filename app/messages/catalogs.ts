import type { Language } from '../lib/language';
import { de, type Messages } from './de';
import { en } from './en';

const catalogs: Record<Language, Messages> = { de, en };

/** Every text of the UI in one language, for the server's `getMessages` (the client loads English only when chosen: app/lib/i18n.tsx). */
export const messagesFor = (language: Language): Messages => catalogs[language];
