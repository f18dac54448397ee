import { accountEn } from './account.en';
import { bookingPageEn } from './booking.en';
import { calendarPageEn } from './calendar.en';
import type { Messages } from './de';
import { enManage } from './en-manage';
import { enStaff } from './en-staff';
import { timelinePageEn } from './timeline.en';
import { tripsEn } from './trips.en';

/** Every English text of the UI, with the keys of de.ts. */
export const en: Messages = {
  ...enStaff,
  ...bookingPageEn,
  ...accountEn,
  ...tripsEn,
  ...calendarPageEn,
  ...timelinePageEn,
  ...enManage,
};
