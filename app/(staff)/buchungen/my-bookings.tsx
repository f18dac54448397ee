'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useMessages } from '../../lib/i18n';
import { useTRPC } from '../../lib/trpc';
import { type ActionResult, BookingSection } from './booking-section';
import { shownSections } from './section-order';

/** The person's bookings in four sections, each paged on the server; an action's result stays beside it. */
export function MyBookings() {
  const t = useMessages();
  const trpc = useTRPC();
  const settings = useQuery(trpc.region.settings.queryOptions());
  const [result, setResult] = useState<ActionResult | null>(null);
  const timeZone = settings.data?.timeZone;
  if (!timeZone) return <p>{t.errors.loading}</p>;
  return (
    <>
      <h1>{t.bookings.title}</h1>
      {shownSections.map((section) => (
        <BookingSection
          key={section}
          section={section}
          timeZone={timeZone}
          result={result?.section === section ? result : null}
          onResult={setResult}
        />
      ))}
    </>
  );
}
