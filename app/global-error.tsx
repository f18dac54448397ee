'use client';
import './globals.css';
import { globalErrorTexts } from './messages/global-error';

/**
 * Shown in place of the whole page when its frame (the root layout) failed; Next's own is English
 * only. The language switch is part of that frame, so both languages are here.
 */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  const { de, en } = globalErrorTexts;
  return (
    <html lang="de">
      <head>
        <title>{de.title}</title>
      </head>
      <body>
        <main id="inhalt">
          <h1>{de.title}</h1>
          <p>{de.text}</p>
          <p lang="en">
            {en.title}. {en.text}
          </p>
          <p>
            <button type="button" onClick={retry}>
              {de.retry} <span lang="en">({en.retry})</span>
            </button>{' '}
            {/* A full load: the frame that failed is the client's router too. */}
            <a href="/">
              {de.home} <span lang="en">({en.home})</span>
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
