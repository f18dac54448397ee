'use client';
import type { ReactNode } from 'react';
import { bookingPageDe } from '../messages/booking';
import { MoreMessages, pageTexts } from './i18n';

const texts = pageTexts(bookingPageDe, () =>
  import('../messages/booking.en').then((catalog) => catalog.bookingPageEn),
);

/** „Meine Buchungen“'s and the booking page's texts (app/messages/booking.ts). */
export function BookingTexts({ children }: { children: ReactNode }) {
  return <MoreMessages more={texts}>{children}</MoreMessages>;
}
