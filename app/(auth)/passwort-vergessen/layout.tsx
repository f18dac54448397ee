import type { ReactNode } from 'react';
import { pageTitle } from '../../lib/page-title';

export const generateMetadata = () => pageTitle((t) => t.people.forgot.title);

export default function ForgotLayout({ children }: { children: ReactNode }) {
  return children;
}
