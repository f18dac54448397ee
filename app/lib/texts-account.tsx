'use client';
import type { ReactNode } from 'react';
import { accountDe } from '../messages/account';
import { MoreMessages, pageTexts } from './i18n';

const texts = pageTexts(accountDe, () =>
  import('../messages/account.en').then((catalog) => catalog.accountEn),
);

/** Sign-in's, the password pages' and the profile's texts (app/messages/account.ts). */
export function AccountTexts({ children }: { children: ReactNode }) {
  return <MoreMessages more={texts}>{children}</MoreMessages>;
}
