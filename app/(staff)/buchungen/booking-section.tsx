'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Fragment, useEffect, useRef, useState } from 'react';
import type { BookingSection as Section } from '@/server/bookings/sections';
import { problemOf } from '../../lib/errors';
import { useMessages } from '../../lib/i18n';
import { useTRPC } from '../../lib/trpc';
import { BookingActions } from './booking-actions';
import { BookingCard } from './booking-card';
import styles from './bookings.module.css';

/** What an action did, shown where the booking was: `index` is its place in the section's page. */
export type ActionResult = {
  section: Section;
  id: string;
  index: number;
  message: string;
  movedTo?: Section;
};

/** The result of an action, read out and focused as it appears. */
function ActionNotice({ text }: { text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p className="notice" role="status" tabIndex={-1} ref={ref}>
      {text}
    </p>
  );
}

/** One section of „Meine Buchungen“, a page at a time from the server. */
export function BookingSection({
  section,
  timeZone,
  result,
  onResult,
}: {
  section: Section;
  timeZone: string;
  result: ActionResult | null;
  onResult: (result: ActionResult) => void;
}) {
  const t = useMessages();
  const trpc = useTRPC();
  const [page, setPage] = useState(0);
  const query = useQuery(
    trpc.bookings.mineSection.queryOptions({ section, page }, { placeholderData: keepPreviousData }),
  );
  const data = query.data;
  const pageCount = data?.pageCount ?? 1;
  // The last booking of the last page was cancelled: go back to the page that still has some.
  useEffect(() => {
    if (page >= pageCount) setPage(pageCount - 1);
  }, [page, pageCount]);

  const title = t.bookings.sections[section];
  const items = data?.items ?? [];
  const gone = result && !items.some((booking) => booking.id === result.id) ? result : null;
  const goneRow = gone && (
    <li className="card" key={`result-${gone.id}`}>
      <ActionNotice key={gone.message} text={gone.message} />
      <p className="hint">
        {gone.movedTo && `${t.bookings.movedTo(t.bookings.sections[gone.movedTo])} `}
        <Link href={`/buchungen/${gone.id}`}>{t.bookings.open}</Link>
      </p>
    </li>
  );
  return (
    <section aria-labelledby={`section-${section}`} data-section={section}>
      <h2 id={`section-${section}`}>{title}</h2>
      {t.bookings.sectionHint[section] && <p className="hint">{t.bookings.sectionHint[section]}</p>}
      {query.error && (
        <p className="error" role="alert">
          {problemOf(query.error).message}
        </p>
      )}
      {data && items.length === 0 && !gone && <p className="hint">{t.bookings.sectionEmpty[section]}</p>}
      {(items.length > 0 || gone) && (
        <ul className="list">
          {items.map((booking, index) => (
            <Fragment key={booking.id}>
              {gone?.index === index && goneRow}
              <BookingCard booking={booking} timeZone={timeZone}>
                {result?.id === booking.id && <ActionNotice key={result.message} text={result.message} />}
                <BookingActions
                  booking={booking}
                  timeZone={timeZone}
                  onDone={(message, movedTo) =>
                    onResult({ section, id: booking.id, index, message, movedTo })
                  }
                />
              </BookingCard>
            </Fragment>
          ))}
          {gone && gone.index >= items.length && goneRow}
        </ul>
      )}
      {pageCount > 1 && (
        <nav className={`actions ${styles.pager}`} aria-label={t.bookings.pages(title)}>
          <button
            type="button"
            className="secondary"
            disabled={page === 0}
            onClick={() => setPage((p) => Math.max(0, p - 1))}
          >
            {t.bookings.previousPage}
          </button>
          <span aria-live="polite">{t.bookings.pageOf(page + 1, pageCount, data?.total ?? 0)}</span>
          <button
            type="button"
            className="secondary"
            disabled={page + 1 >= pageCount}
            onClick={() => setPage((p) => p + 1)}
          >
            {t.bookings.nextPage}
          </button>
        </nav>
      )}
    </section>
  );
}
