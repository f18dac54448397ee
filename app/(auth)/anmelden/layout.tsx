import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getMessages } from '../../lib/i18n-server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).signIn.title };
}

export default function SignInLayout({ children }: { children: ReactNode }) {
  return children;
}
