import Link from 'next/link';
import { getMessages } from './lib/i18n-server';
import { pageTitle } from './lib/page-title';

export const generateMetadata = () => pageTitle((t) => t.notFound.title);

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
