import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';
import { getLanguage } from './lib/i18n-server';
import { de } from './messages/de';
import { Providers } from './providers';

export const metadata: Metadata = { title: de.app.name, description: de.app.tagline };
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Every page renders per request: its scripts carry the nonce of that request's
// Content-Security-Policy (proxy.ts), which a page prerendered at build time could not.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const language = await getLanguage();
  return (
    <html lang={language}>
      <body>
        <Providers language={language}>{children}</Providers>
      </body>
    </html>
  );
}
