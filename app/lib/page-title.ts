import 'server-only';
import type { Metadata } from 'next';
import type { Messages } from '../messages/de';
import { getMessages } from './i18n-server';

/** A page's title in the request's language: „<Seite> – ParthelandMobil“. */
export async function pageTitle(page: (t: Messages) => string): Promise<Metadata> {
  const t = await getMessages();
  return { title: `${page(t)} – ${t.app.name}` };
}
