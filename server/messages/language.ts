import { AsyncLocalStorage } from 'node:async_hooks';
import { defaultLanguage, type Language, languageCookie, languageFrom } from '@/app/lib/language';
import { processSingleton } from '../singleton';

export { defaultLanguage, type Language, localeOf } from '@/app/lib/language';

// zod builds field messages while it parses, deep inside tRPC, where no context reaches: the request's
// language travels there with the request's async flow instead (set by a middleware in server/trpc.ts).
const requests = () => processSingleton('request-language', () => new AsyncLocalStorage<Language>());

/** Runs `work` with `language` as the language of the request being answered. */
export function inLanguage<T>(language: Language, work: () => T): T {
  return requests().run(language, work);
}

/** The language of the request being answered; German outside a request. */
export function requestLanguage(): Language {
  return requests().getStore() ?? defaultLanguage;
}

/** A request's language: the signed-in person's own, else the browser's choice (the cookie), else German. */
export function languageOf(headers: Headers, user: { language: Language } | null): Language {
  if (user) return user.language;
  const cookie = (headers.get('cookie') ?? '')
    .split(';')
    .map((pair) => pair.trim().split('='))
    .find(([name]) => name === languageCookie);
  return languageFrom(cookie?.[1]);
}
