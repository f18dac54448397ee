import type { ReactNode } from 'react';
import { BookingTexts } from '../../lib/texts-booking';

/** „Meine Buchungen“ and the booking page bring their own texts (app/messages/booking.ts). */
export default function BookingsLayout({ children }: { children: ReactNode }) {
  return <BookingTexts>{children}</BookingTexts>;
}
