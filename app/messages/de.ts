import { accountDe } from './account';
import { bookingPageDe } from './booking';
import { calendarPageDe } from './calendar';
import { deManage } from './de-manage';
import { deStaff } from './de-staff';
import { timelinePageDe } from './timeline';
import { tripsDe } from './trips';

/** Every German text of the UI, in one place for the server: a later English or Sorbian file has the same keys. */
export const de = {
  ...deStaff,
  ...bookingPageDe,
  ...accountDe,
  ...tripsDe,
  ...calendarPageDe,
  ...timelinePageDe,
  ...deManage,
};

/** The shape every language's file has (en.ts). */
export type Messages = typeof de;
