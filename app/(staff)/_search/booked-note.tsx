'use client';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { useLanguage, useMessages } from '../../lib/i18n';
import { formatDateTime } from '../../lib/time';
import { bookedDates, type WeeklySlot } from './window';

export type Booked =
  | { kind: 'single'; id: string; car: string; span: string }
  | {
      kind: 'series';
      car: string;
      rule: WeeklySlot;
      firstBookingId: string | null;
      skipped: { start: Date; reason: string }[];
    };

/** The result of a booking, focused when it appears: what was booked and the way to it. */
export function BookedNote({ booked, timeZone }: { booked: Booked; timeZone: string }) {
  const t = useMessages().search;
  const language = useLanguage();
  const note = useRef<HTMLDivElement>(null);
  // Each new booking's note takes the focus: it says what happened and leads on.
  useEffect(() => {
    if (booked) note.current?.focus();
  }, [booked]);
  if (booked.kind === 'single')
    return (
      <div className="notice" role="status" tabIndex={-1} ref={note}>
        <p>{t.booked(booked.car, booked.span)}</p>
        <Link href={`/buchungen/${booked.id}`}>{t.openBooking}</Link>
      </div>
    );
  const dates = bookedDates(booked.rule, booked.skipped, timeZone);
  return (
    <div className="notice" role="status" tabIndex={-1} ref={note}>
      <p>
        {booked.car}: {t.seriesResult(dates.length, booked.skipped.length)}
      </p>
      <h3>{t.seriesBooked}</h3>
      <ul>
        {dates.map((start) => (
          <li key={start.getTime()}>{formatDateTime(start, timeZone, language)}</li>
        ))}
      </ul>
      {booked.skipped.length > 0 && (
        <>
          <h3>{t.seriesSkipped}</h3>
          <ul>
            {booked.skipped.map((s) => (
              <li key={String(s.start)}>
                {formatDateTime(new Date(s.start), timeZone, language)}: {s.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {booked.firstBookingId && <Link href={`/buchungen/${booked.firstBookingId}`}>{t.openBooking}</Link>}
    </div>
  );
}
