import 'server-only';
import { cookies } from 'next/headers';
import { messagesFor } from '../messages/catalogs';
import type { Messages } from '../messages/de';
import { type Language, languageCookie, languageFrom } from './language';

/** The language of this request's page: the person's choice as the cookie carries it, else German. */
export async function getLanguage(): Promise<Language> {
  return languageFrom((await cookies()).get(languageCookie)?.value);
}

/** The texts for a server component: `const t = await getMessages();`. */
export async function getMessages(): Promise<Messages> {
  return messagesFor(await getLanguage());
}
