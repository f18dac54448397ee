'use client';
import { useEffect, useState } from 'react';
import { useMessages } from '../../../lib/i18n';
import type { Booking } from '../booking-card';
import styles from '../bookings.module.css';

/**
 * How long until the booking starts, until it ends, or since when the car is overdue; ticks every
 * second. The server's first view says it as of its own clock, the browser corrects it at once.
 */
export function Countdown({ booking }: { booking: Booking }) {
  const t = useMessages();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const start = booking.startsAt.getTime();
  const end = booking.endsAt.getTime();
  const open = booking.status === 'pending' || booking.status === 'reserved' || booking.status === 'active';
  if (!open) return null;
  let text: string | null = null;
  if (booking.status === 'active')
    text = now < end ? t.bookings.endsIn(end - now) : t.bookings.overdue(now - end);
  else if (now < start) text = t.bookings.startsIn(start - now);
  else if (now < end) text = t.bookings.endsIn(end - now);
  if (!text) return null;
  return (
    <p className={styles.countdown} role="timer" suppressHydrationWarning>
      {text}
    </p>
  );
}
