import 'server-only';
import type { Metadata } from 'next';
import type { Messages } from '../messages/de';
import { getMessages } from './i18n-server';

/** A page's title in the request's language; the root layout's template adds „ – ParthelandMobil“. */
export async function pageTitle(page: (t: Messages) => string): Promise<Metadata> {
  return { title: page(await getMessages()) };
}
