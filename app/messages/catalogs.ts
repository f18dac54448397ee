import type { Language } from '../lib/language';
import { de, type Messages } from './de';
import { en } from './en';

const catalogs: Record<Language, Messages> = { de, en };

/** Every text of the UI in one language; the client's `useMessages` and the server's `getMessages` read it. */
export const messagesFor = (language: Language): Messages => catalogs[language];
