import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';
import { FocusOnNavigation } from './focus-on-navigation';
import { getLanguage, getMessages } from './lib/i18n-server';
import { Providers } from './providers';

/** Pages give their own title (`export async function generateMetadata`); the template adds the product. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getMessages();
  return { title: { default: t.app.name, template: `%s – ${t.app.name}` }, description: t.app.tagline };
}
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Every page renders per request: its scripts carry the nonce of that request's
// Content-Security-Policy (proxy.ts), which a page prerendered at build time could not.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const language = await getLanguage();
  const t = await getMessages();
  return (
    <html lang={language}>
      <body>
        <a className="skip-link" href="#inhalt">
          {t.skipLink}
        </a>
        <Providers language={language}>{children}</Providers>
        <FocusOnNavigation />
      </body>
    </html>
  );
}
