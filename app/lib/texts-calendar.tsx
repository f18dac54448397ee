'use client';
import type { ReactNode } from 'react';
import { calendarPageDe } from '../messages/calendar';
import { MoreMessages, pageTexts } from './i18n';

const texts = pageTexts(calendarPageDe, () =>
  import('../messages/calendar.en').then((catalog) => catalog.calendarPageEn),
);

/** The calendar link's texts (app/messages/calendar.ts). */
export function CalendarTexts({ children }: { children: ReactNode }) {
  return <MoreMessages more={texts}>{children}</MoreMessages>;
}
