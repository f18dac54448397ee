'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { useRef, useState } from 'react';
import type { AppRouter } from '@/server/root';
import { TimelineGrid } from '../../../(staff)/zeitplan/timeline-grid';
import { problemOf } from '../../../lib/errors';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import { formatRange } from '../format';
import { BookingEditor } from './booking-editor';
import { type CalendarParams, calendarHref, calendarInput } from './params';

export type CalendarData = inferRouterOutputs<AppRouter>['fleetCalendar']['view'];
export type CalendarBooking = CalendarData['bookings'][number];

/** The fleet calendar: the staff timeline's grid over the municipality's cars, and its bookings to change or cancel. */
export function CalendarView({ params }: { params: CalendarParams }) {
  const messages = useMessages();
  const t = messages.fleetCalendar;
  const language = useLanguage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions()).data;
  const input = calendarInput(params);
  const view = useQuery(trpc.fleetCalendar.view.queryOptions(input));
  const stations = useQuery(trpc.stations.list.queryOptions());
  const [picked, setPicked] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const week = params.ansicht === 'woche';
  const municipalities = [
    ...new Map((stations.data ?? []).map((s) => [s.municipalityId, s.municipalityName])),
  ];
  const booking = view.data?.bookings.find((b) => b.id === picked) ?? null;

  async function done(text: string) {
    setPicked(null);
    setNotice(text);
    await queryClient.invalidateQueries({ queryKey: trpc.fleetCalendar.view.queryKey() });
    requestAnimationFrame(() => status.current?.focus());
  }

  return (
    <>
      <h1>{t.title}</h1>
      <p className="hint">{t.intro}</p>
      <form className="panel" method="get" action="/fuhrpark/kalender" aria-label={t.show}>
        <div className="grid">
          {me?.role === 'operator' ? (
            <label>
              {t.municipality}
              <select name="kommune" defaultValue={params.kommune}>
                {municipalities.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <input type="hidden" name="kommune" value={params.kommune} />
          )}
          <label>
            {t.day}
            <input type="date" name="tag" defaultValue={params.tag} required />
          </label>
          <fieldset>
            <legend>{t.view}</legend>
            <label>
              <input type="radio" name="ansicht" value="tag" defaultChecked={!week} /> {t.dayView}
            </label>
            <label>
              <input type="radio" name="ansicht" value="woche" defaultChecked={week} /> {t.weekView}
            </label>
          </fieldset>
        </div>
        <div className="actions">
          <button type="submit">{t.show}</button>
        </div>
      </form>
      <nav className="actions" aria-label={t.title}>
        <Link href={calendarHref(params, week ? -7 : -1)}>← {t.earlier}</Link>
        <Link href={calendarHref(params, week ? 7 : 1)}>{t.later} →</Link>
      </nav>
      <div ref={status} tabIndex={-1} role="status">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {view.isPending && <p>{messages.errors.loading}</p>}
      {view.error && (
        <p className="error" role="alert">
          {problemOf(view.error).message}
        </p>
      )}
      {view.data && (
        <>
          <h2>{view.data.place.name}</h2>
          {view.data.vehicles.length > 0 && (
            <TimelineGrid view={view.data} selection={null} onPick={setPicked} />
          )}
          {booking && (
            <BookingEditor
              key={booking.id}
              booking={booking}
              view={view.data}
              onDone={done}
              onClose={() => setPicked(null)}
            />
          )}
          <section aria-labelledby="calendar-bookings">
            <h2 id="calendar-bookings">{t.bookingsTitle}</h2>
            {view.data.bookings.length === 0 ? (
              <p className="hint">{t.none}</p>
            ) : (
              <ul className="list">
                {view.data.bookings.map((b) => (
                  <li key={b.id} className="card" data-booking={b.id}>
                    <h3>
                      {b.plate} · {b.booker ?? '–'}
                    </h3>
                    <p className="meta">
                      {formatRange(messages, language, b.startsAt, b.endsAt, view.data.timeZone)} ·{' '}
                      {messages.status[b.status]}
                      {b.purpose ? ` · ${b.purpose}` : ''}
                    </p>
                    {b.status !== 'completed' && (
                      <div className="actions">
                        <button
                          type="button"
                          aria-label={t.editBooking(b.plate, b.booker ?? '–')}
                          onClick={() => setPicked(b.id)}
                        >
                          {t.edit}
                        </button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
