'use client';
import type { ReactNode } from 'react';
import { accountDe } from '../messages/account';
import { bookingPageDe } from '../messages/booking';
import { deManage } from '../messages/de-manage';
import { timelinePageDe } from '../messages/timeline';
import { tripsDe } from '../messages/trips';
import { MoreMessages, pageTexts } from './i18n';

const texts = pageTexts({ ...bookingPageDe, ...accountDe, ...tripsDe, ...timelinePageDe, ...deManage }, () =>
  Promise.all([
    import('../messages/booking.en'),
    import('../messages/account.en'),
    import('../messages/trips.en'),
    import('../messages/timeline.en'),
    import('../messages/en-manage'),
  ]).then(([booking, account, trips, timeline, manage]) => ({
    ...booking.bookingPageEn,
    ...account.accountEn,
    ...trips.tripsEn,
    ...timeline.timelinePageEn,
    ...manage.enManage,
  })),
);

/**
 * The fleet pages' own texts, which only these pages bring to the browser (booking pages do not
 * carry them), with the bookings', people's, sign-in rules', trips' and timeline's texts they share
 * with other pages.
 */
export function FleetPageMessages({ children }: { children: ReactNode }) {
  return <MoreMessages more={texts}>{children}</MoreMessages>;
}
