import type { Metadata } from 'next';
import Link from 'next/link';
import { getMessages } from './lib/i18n-server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).notFound.title };
}

/** Any address without a page: in the person's language, with the way back. */
export default async function NotFound() {
  const t = await getMessages();
  return (
    <main id="inhalt">
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.text}</p>
      <p>
        <Link href="/">{t.notFound.home}</Link>
      </p>
    </main>
  );
}
