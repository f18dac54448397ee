import type { ReactNode } from 'react';
import { pageTitle } from '../../lib/page-title';
import { AccountTexts } from '../../lib/texts-account';

export const generateMetadata = () => pageTitle((t) => t.people.forgot.title);

export default function ForgotLayout({ children }: { children: ReactNode }) {
  return <AccountTexts>{children}</AccountTexts>;
}
