import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { pageTitle } from '../../lib/page-title';
import { AccountTexts } from '../../lib/texts-account';

// The address holds the link's token: it is not handed on to any other site as a referrer.
export const generateMetadata = async (): Promise<Metadata> => ({
  ...(await pageTitle((t) => t.people.password.titleInvitation)),
  referrer: 'no-referrer',
});

export default function PasswordLayout({ children }: { children: ReactNode }) {
  return <AccountTexts>{children}</AccountTexts>;
}
