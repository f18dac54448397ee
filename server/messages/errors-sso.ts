import type { ErrorEntries } from './errors';

/** Refusals of the single sign-on administration (server/sso). */
export const ssoErrors = {
  SSO_PROVIDER_NOT_FOUND: {
    trpc: 'NOT_FOUND',
    de: 'Diesen Anmeldedienst gibt es nicht.',
    en: 'This sign-in service does not exist.',
  },
} as const satisfies ErrorEntries;
